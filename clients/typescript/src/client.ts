import { createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { UserImportService } from "./gen/bulkinvite/v1/user_import_service_pb.js";

/** A client of bulkinvite.v1.UserImportService: one method per RPC, in camelCase. */
export type BulkInviteClient = Client<typeof UserImportService>;

export interface BulkInviteClientOptions {
  /** Sent as `authorization: Bearer <token>`. Defaults to the BULKINVITE_TOKEN environment variable. */
  token?: string;
}

/**
 * Creates a client that speaks gRPC over HTTP/2 to `baseUrl`, such as "http://127.0.0.1:5000"
 * (h2c, prior knowledge, for http://) or an https:// URL.
 */
export function createBulkInviteClient(baseUrl: string, options: BulkInviteClientOptions = {}): BulkInviteClient {
  const token = options.token ?? process.env["BULKINVITE_TOKEN"];
  const interceptors: Interceptor[] = [];
  if (token) {
    interceptors.push((next) => (request) => {
      request.header.set("authorization", `Bearer ${token}`);
      return next(request);
    });
  }
  // gRPC always runs over HTTP/2 here: connect-node 2 dropped the httpVersion option of createGrpcTransport.
  const transport = createGrpcTransport({ baseUrl, interceptors });
  return createClient(UserImportService, transport);
}
