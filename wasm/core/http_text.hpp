// Reads an HTTP request as people paste it (from the docs, a trace, or this tool's own output).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog.hpp"

namespace gpb {

struct RawRequest {
    bool ok = false;
    std::string problem;                     // why it could not be read, when !ok
    std::string method, url, version, path;  // path: after the version segment, without the query
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool tokenRedacted = false;  // a real-looking bearer token was replaced by {token}
};

RawRequest parse_raw_request(std::string_view text);

// The operation a method and path come to: a curated operation whose template matches (and whose
// body type the body's "@odata.type" agrees with), else the one resolved from the model; fills the
// path parameters.
const OperationDef* match_operation(const Catalog& catalog, std::string_view method, std::string_view path,
                                    std::vector<std::pair<std::string, std::string>>& parameters, std::string_view body = {});

// "Bearer {token}" and the docs' spellings of the placeholder are not secrets; anything else is.
bool is_token_placeholder(std::string_view authorizationValue);

std::string percent_decode(std::string_view value);

}  // namespace gpb
