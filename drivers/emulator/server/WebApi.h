#pragma once

#include "drivers/emulator/server/RequestQueue.h"
#include "net/Router.h"

namespace sigma::drivers::emulator {

/// The routes of ATOL's web-server API over `queue` (which must outlive the router):
///
///   POST /api/v2/requests          {"uuid": "...", "request": [task, ...] or task} -> 201
///   GET  /api/v2/requests/{uuid}   -> {"results": [{"status", "errorCode", "errorDescription", "result"}]}
///
/// Errors use the project's HTTP error shape: 400 (malformed body, bad uuid, no tasks), 404 (unknown
/// uuid), 409 (uuid already used), 503 (queue full or shutting down). The register's own refusals
/// are not HTTP errors: they are task results with status "error".
net::Router webApiRouter(RequestQueue& queue);

} // namespace sigma::drivers::emulator
