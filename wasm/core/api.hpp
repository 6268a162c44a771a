// The string-in, string-out surface shared by the command line and the wasm bindings.
// Every function returns JSON text; a failure is {"error": {"code", "message"}}.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gpb {
struct OperationDef;
struct Resolution;
class Catalog;
}  // namespace gpb

namespace gpb::api {

std::string operations();
// Operations as the list operations() prints.
std::string operations_json(const std::vector<const OperationDef*>& ops);
// What METHOD + URL resolved to: {operation, method, path, version, kind, request: {kind, type,
// required, odataType}, response: {status, statuses, reason, shape, type}, parameters, permissions}
// or {error: {code: "unresolved", message, segment}}.
std::string resolution_json(const Catalog& catalog, const Resolution& resolution);
std::string describe(const std::string& operationId);
std::string validate(std::string_view operationId, std::string_view body, bool response);
std::string example(const std::string& operationId, bool full);                 // {"body": text}
std::string request(const std::string& operationId, const std::string& body,
                    const std::string& pathParametersJson);                      // {method,url,headers,body,raw}
std::string response(const std::string& operationId, const std::string& requestBody);  // {status,reason,headers,body,raw}
// A pasted HTTP request: {method, url, version, path, operation: id|null, parameters, headers, body,
// tokenRedacted}; a real-looking bearer token never comes back.
std::string parse_request(const std::string& rawText);
// A documentation page linted: {path, diagnostics, examples: [{kind, line, method, url, path, status,
// operation, type, modelSource, diagnostics, body}]}.
std::string lint_page(const std::string& pageText, const std::string& path);

}  // namespace gpb::api
