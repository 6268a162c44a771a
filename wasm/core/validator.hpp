// Checks a request or response body against an operation's model; every finding is collected.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "catalog.hpp"
#include "diagnostics.hpp"
#include "json_tree.hpp"

namespace gpb {

enum class Direction { Request, Response };

struct ValidationResult {
    std::string operationId;
    Direction direction = Direction::Request;
    Diagnostics diagnostics;  // in document order, with lines and columns
    bool parsed = false;      // false when the body is not JSON (or hit a limit)

    bool valid() const { return !has_error(diagnostics); }
};

ValidationResult validate_body(const Catalog& catalog, const OperationDef& operation, std::string_view text, Direction direction,
                               const ParseLimits& limits = {});

// One diagnostic as the JSON object of the README's "Diagnostics" (suggestion only when there is one).
nlohmann::ordered_json diagnostic_json(const Diagnostic& diagnostic);

// {"operation", "direction", "valid", "diagnostics": [...]} as compact JSON.
std::string validation_json(const ValidationResult& result);

}  // namespace gpb
