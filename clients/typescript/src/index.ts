export * from "./client.js";
export * from "./errors.js";
export * from "./importFile.js";
export * from "./importOutcome.js";
export * from "./gen/bulkinvite/v1/diagnostic_pb.js";
export * from "./gen/bulkinvite/v1/import_pb.js";
export * from "./gen/bulkinvite/v1/user_import_service_pb.js";
export * from "./gen/google/rpc/error_details_pb.js";
export { Code, ConnectError } from "@connectrpc/connect";
