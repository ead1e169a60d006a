import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ImportSchema } from "../src/gen/bulkinvite/v1/import_pb.js";
import { PermissionSchema } from "../src/gen/bulkinvite/v1/user_import_service_pb.js";
import { lifetimeDuration, maxMessageCharacters, messageLength, messageProblem } from "../src/invite/batchOptions.js";
import { reducer } from "../src/state/reducer.js";
import { initialState } from "../src/state/state.js";
import { text } from "../src/text.js";

describe("the personal message", () => {
  it("is counted in code points as the server counts it, an emoji as one", () => {
    expect(messageLength("Hi 👋\nsee you")).toBe(12);
    expect(messageLength("👋".repeat(maxMessageCharacters))).toBe(maxMessageCharacters);
  });

  it("is taken up to 1,000 characters with line breaks, and refused beyond or with another control character", () => {
    expect(messageProblem("")).toBeNull();
    expect(messageProblem("Welcome,\r\n<b>team</b>, \"quoted\"\n")).toBeNull();
    expect(messageProblem("a".repeat(1000))).toBeNull();
    expect(messageProblem("👋".repeat(1000))).toBeNull();
    expect(messageProblem("a".repeat(1001))).toBe("tooLong");
    expect(messageProblem("tab\there")).toBe("controlCharacter");
    expect(messageProblem("escape\u001b[1m")).toBe("controlCharacter");
  });

  it("says how far over the limit it is", () => {
    expect(text.permissions.messageCount(1001, 1000)).toBe("1,001 / 1,000");
    expect(text.permissions.messageTooLong(1)).toBe("The message is 1 character too long: shorten it to send the invitations.");
  });
});

describe("the invitations' lifetime", () => {
  it("is sent as a Duration of whole days", () => {
    expect(lifetimeDuration(3)).toEqual({ seconds: 259_200n });
    expect(lifetimeDuration(30)).toEqual({ seconds: 2_592_000n });
  });
});

describe("the privileged permissions' confirmation", () => {
  it("says in words what each lets every invited person do in the organization", () => {
    expect(text.permissions.privilegedConsequence("members.invite", "", "ACME")).toBe("Every invited person will be able to invite others to ACME.");
    expect(text.permissions.privilegedConsequence("organization.admin", "", "ACME")).toBe("Every invited person will be able to administer ACME.");
    expect(text.permissions.privilegedConsequence("billing.manage", "Manage billing.", "ACME")).toBe("Every invited person will get billing.manage in ACME: Manage billing.");
    expect(text.permissions.confirmPrivileged(175)).toBe("I confirm: all 175 people this batch invites should have these powers.");
  });

  it("is unticked again when another privileged permission is chosen, and kept when an ordinary one is", () => {
    const catalog = [create(PermissionSchema, { id: "members.invite", privileged: true }), create(PermissionSchema, { id: "organization.admin", privileged: true }), create(PermissionSchema, { id: "projects.view" })];
    let state = initialState({ name: "import" }, null);
    state = { ...state, wizard: { ...state.wizard, catalog } };
    state = reducer(state, { type: "permissionToggled", id: "members.invite", on: true });
    state = reducer(state, { type: "privilegedConfirmed", on: true });

    const afterOrdinary = reducer(state, { type: "permissionToggled", id: "projects.view", on: true });
    const afterPrivileged = reducer(state, { type: "permissionToggled", id: "organization.admin", on: true });
    const afterRemoving = reducer(state, { type: "permissionToggled", id: "members.invite", on: false });

    expect(afterOrdinary.wizard.confirmPrivileged).toBe(true);
    expect(afterPrivileged.wizard.confirmPrivileged).toBe(false);
    expect(afterRemoving.wizard.confirmPrivileged).toBe(true);
  });

  it("start afresh, with the message and the lifetime, when another import is checked", () => {
    let state = initialState({ name: "import" }, null);
    state = reducer(state, { type: "messageChanged", message: "Welcome" });
    state = reducer(state, { type: "lifetimeChosen", days: 3 });
    const chosen = state.wizard;

    state = reducer(state, { type: "checked", check: { import: create(ImportSchema, {}), fileDiagnostics: [], rowDiagnostics: [], columnMappings: [], truncated: false } });

    expect([chosen.message, chosen.lifetimeDays]).toEqual(["Welcome", 3]);
    expect([state.wizard.message, state.wizard.lifetimeDays]).toEqual(["", 7]);
  });
});
