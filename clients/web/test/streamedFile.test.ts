import { describe, expect, it } from "vitest";
import { gatherFile, safeFileName } from "../src/files/streamedFile.js";

async function* messages(...items: { fileName?: string; chunk: string }[]) {
  for (const item of items) yield { fileName: item.fileName ?? "", chunk: new TextEncoder().encode(item.chunk) };
}

describe("a file the server streams", () => {
  it("is every chunk in order, under the name of the first message", async () => {
    const file = await gatherFile(messages({ fileName: "team-results.csv", chunk: "Email,Status\n" }, { chunk: "" }, { chunk: "ann@example.com,invited\n" }), "fallback.csv");

    const text = new TextDecoder().decode(new Uint8Array(await new Blob(file.chunks as BlobPart[]).arrayBuffer()));
    expect(file.name).toBe("team-results.csv");
    expect(file.chunks).toHaveLength(2);
    expect(text).toBe("Email,Status\nann@example.com,invited\n");
  });

  it("takes the fallback name when the server gives none, and never a folder", async () => {
    expect((await gatherFile(messages({ chunk: "x" }), "imp-1-results.csv")).name).toBe("imp-1-results.csv");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\x\\results.xlsx")).toBe("results.xlsx");
  });
});
