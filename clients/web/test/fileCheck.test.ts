import { describe, expect, it } from "vitest";
import { maxUploadBytes, refusal } from "../src/files/fileCheck.js";

describe("the check before upload", () => {
  it("takes one .csv, .xlsx or .xls file, whatever the case of its extension", () => {
    expect(refusal([{ name: "team.csv", size: 10 }])).toBeNull();
    expect(refusal([{ name: "Team.XLSX", size: 10 }])).toBeNull();
    expect(refusal([{ name: "old.xls", size: 10 }])).toBeNull();
  });

  it("refuses other files, empty ones, too large ones and several at once, saying why", () => {
    expect(refusal([{ name: "photo.png", size: 10 }])).toBe("only .csv, .xlsx and .xls files can be imported.");
    expect(refusal([{ name: "team.csv.exe", size: 10 }])).toBe("only .csv, .xlsx and .xls files can be imported.");
    expect(refusal([{ name: "team.csv", size: 0 }])).toBe("the file is empty.");
    expect(refusal([{ name: "team.csv", size: maxUploadBytes + 1 }])).toBe("the file is larger than 100.0 MiB.");
    expect(refusal([{ name: "a.csv", size: 1 }, { name: "b.csv", size: 1 }])).toBe("drop one file at a time.");
    expect(refusal([])).toBe("drop one file at a time.");
  });
});
