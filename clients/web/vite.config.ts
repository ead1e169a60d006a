import { defineConfig } from "vitest/config";

// The page is built into the server's wwwroot, which is committed: scripts/build-web.sh --check
// rebuilds it and fails when anything differs, so the output must depend on the sources alone
// (content-hashed file names, no timestamps).
export default defineConfig({
  // Preact through the automatic JSX runtime (tsconfig's jsxImportSource): no plugin needed.
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "../../src/BulkInvite.Server/wwwroot",
    emptyOutDir: true,
    // No inline script or style may reach the page (its Content-Security-Policy forbids them).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` against a server started with `dotnet run` (its page port serves gRPC-Web).
    proxy: { "/bulkinvite.v1.": "http://localhost:8080", "/grpc.health.v1.": "http://localhost:8080" },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
