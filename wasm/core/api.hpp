// The string-in, string-out surface shared by the command line and the wasm bindings.
// Every function returns JSON text; a failure is {"error": {"code", "message"}}.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gpb {
struct OperationDef;
struct Resolution;
struct CheckMemo;
class Catalog;
class HeldBody;
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
// The same check answered as validation_record (validator.hpp), for the page; errors stay JSON.
std::string validate_record(std::string_view operationId, std::string_view body, bool response);
// A held body's check as validate_record, with what it found kept in memo for the next (validate_held).
std::string validate_held_record(std::string_view operationId, HeldBody& body, CheckMemo& memo, bool response);
// Completion at a cursor (UTF-16 offset) in a body that may not parse: {from, to, items: [{label,
// insert, cursor, detail, info, kind, section}]}; `cursor` counts UTF-16 units into `insert`.
std::string complete(std::string_view operationId, std::string_view body, size_t offset, bool response);
// What is at a cursor: {from, to, title, type, description, nullable, readOnly, computed,
// collection, flags, members, diagnostics} or {from: null} when nothing is there.
std::string hover(std::string_view operationId, std::string_view body, size_t offset, bool response);
// The same on a held body, its findings from the body's check (validate_held): none is run again
// while the text has not changed since the last.
std::string hover_held(std::string_view operationId, HeldBody& body, CheckMemo& memo, size_t offset, bool response);
std::string example(const std::string& operationId, bool full);  // {"body": text}
std::string request(const std::string& operationId, const std::string& body,
                    const std::string& pathParametersJson);                            // {method,url,headers,body,raw}
std::string response(const std::string& operationId, const std::string& requestBody);  // {status,reason,headers,body,raw}
// A pasted HTTP request: {method, url, version, path, operation: id|null, parameters, headers, body,
// tokenRedacted}; a real-looking bearer token never comes back.
std::string parse_request(const std::string& rawText);
// A documentation page linted: {path, diagnostics, examples: [{kind, line, method, url, path, status,
// operation, type, modelSource, diagnostics, body}]}.
std::string lint_page(const std::string& pageText, const std::string& path);

// Operation ids in the calls above are targets: a curated id, or "METHOD path", either one after a
// model name ("v1.0 PATCH /users/{userId}"); without one, the Graph beta model.
//
// METHOD + URL in a model ("beta", "v1.0" or a loaded one): resolution_json's answer.
std::string resolve(const std::string& method, const std::string& url, const std::string& model);
// The curated operations of a model, or those a search finds: [{id, resource, title, ...}].
std::string operations_of(const std::string& model, const std::string& search);
// Reads CSDL (XML where this build has expat, else JSON) as a model: {model, entitySets, types,
// actions} or {error: {code: "bad-metadata", message}}. An empty name picks "metadata-N".
std::string load_metadata(const std::string& metadata, const std::string& name, const std::string& serviceRoot);
// A Graph version's whole model pack (CSDL JSON), replacing the small one the page starts with.
std::string load_pack(const std::string& version, const std::string& csdlJson);
// Graph's permissions reference (or its compact pack).
std::string load_permissions(const std::string& json);

}  // namespace gpb::api
