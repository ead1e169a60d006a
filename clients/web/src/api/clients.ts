import { createClient, type Client, type Interceptor, type Transport } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { InvitationService } from "../gen/bulkinvite/v1/invitation_service_pb.js";
import { UserImportService } from "../gen/bulkinvite/v1/user_import_service_pb.js";

// The page is one more client of the public API: the clients generated from protos/, over gRPC-Web
// on the origin that served the page.

export interface Clients {
  imports: Client<typeof UserImportService>;
  invitations: Client<typeof InvitationService>;
}

/** Sends `authorization: Bearer …` with every call while a token is held (none for the invitee's calls). */
export function bearer(token: () => string | null): Interceptor {
  return (next) => (request) => {
    const value = token();
    if (value) request.header.set("authorization", `Bearer ${value}`);
    return next(request);
  };
}

export function transportFor(baseUrl: string, token: () => string | null): Transport {
  return createGrpcWebTransport({ baseUrl, interceptors: [bearer(token)] });
}

export function createClients(transport: Transport): Clients {
  return { imports: createClient(UserImportService, transport), invitations: createClient(InvitationService, transport) };
}
