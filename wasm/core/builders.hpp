// Builds example bodies, complete HTTP requests and plausible example responses from the models.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog.hpp"
#include "json_tree.hpp"

namespace gpb {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method, url;
    Headers headers;
    std::string body;
    std::string raw;  // request line, headers, blank line, body (as the docs print it)
};

struct HttpResponse {
    int status = 200;
    std::string reason;
    Headers headers;
    std::string body;
    std::string raw;
};

// A body that validates with no error and no warning: the operation's minimal set, or every
// property a client may send.
std::string example_body(const OperationDef& operation, bool full);

std::string service_root(const OperationDef& op);

HttpRequest build_request(const OperationDef& operation, std::string_view body,
                          const std::vector<std::pair<std::string, std::string>>& pathParameters);

// The request merged onto a plausible existing resource; server-assigned values are filled and
// members with errors are left out, so the result validates as a response.
HttpResponse build_response(const Catalog& catalog, const OperationDef& operation, std::string_view requestBody);

std::string percent_encode(std::string_view value);

}  // namespace gpb
