// What the admin says about a batch besides its permissions: the personal message and the
// invitations' lifetime, checked here as the server checks them (docs/invitations.md), so that a
// message the server would refuse is refused before it is sent.

/** ApplyPermissionsRequest.personal_message's limit, in Unicode code points (an emoji counts one). */
export const maxMessageCharacters = 1000;

/** The lifetimes offered, in days: the server takes 1 to 30; 7 is its default. */
export const lifetimeChoices = [1, 3, 7, 14, 30] as const;

export const defaultLifetimeDays = 7;

/** The message's length as the server counts it: code points, not UTF-16 units. */
export function messageLength(message: string): number {
  return Array.from(message).length;
}

// Control characters the server refuses in a message: all but the line breaks (\n, \r).
const forbiddenControl = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

export type MessageProblem = "tooLong" | "controlCharacter" | null;

/** Why the server would refuse the message, or null when it takes it. */
export function messageProblem(message: string): MessageProblem {
  if (messageLength(message) > maxMessageCharacters) return "tooLong";
  if (forbiddenControl.test(message)) return "controlCharacter";
  return null;
}

/** The lifetime as the Duration ApplyPermissions takes. */
export function lifetimeDuration(days: number): { seconds: bigint } {
  return { seconds: BigInt(days) * 86_400n };
}
