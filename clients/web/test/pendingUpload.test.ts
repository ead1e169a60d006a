import { describe, expect, it } from "vitest";
import { InMemoryWebStorage } from "oidc-client-ts";
import { clearPendingUpload, loadPendingUpload, savePendingUpload } from "../src/upload/pendingUpload.js";

const upload = { uploadId: "u1", sha256: "ab".repeat(32), maxChunkBytes: 1024, organizationId: "acme", fileName: "team.csv", sizeBytes: 3000 };

describe("the upload kept for a reload", () => {
  it("is found again for its organization only, and forgotten when cleared", () => {
    const storage = new InMemoryWebStorage();

    savePendingUpload(storage, upload);
    const found = loadPendingUpload(storage, "acme");
    const another = loadPendingUpload(storage, "globex");
    clearPendingUpload(storage);

    expect(found).toEqual(upload);
    expect(another).toBeNull();
    expect(loadPendingUpload(storage, "acme")).toBeNull();
  });

  it("is ignored when what is stored is not one", () => {
    const storage = new InMemoryWebStorage();

    storage.setItem("bulkinvite.upload", "{not json");
    const broken = loadPendingUpload(storage, "acme");
    storage.setItem("bulkinvite.upload", JSON.stringify({ ...upload, sizeBytes: "3000" }));
    const mistyped = loadPendingUpload(storage, "acme");

    expect(broken).toBeNull();
    expect(mistyped).toBeNull();
  });
});
