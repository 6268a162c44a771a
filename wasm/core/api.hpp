// The string-in, string-out surface shared by the command line and the wasm bindings.
// Every function returns JSON text; a failure is {"error": {"code", "message"}}.
#pragma once

#include <string>
#include <string_view>

namespace gpb::api {

std::string operations();
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
