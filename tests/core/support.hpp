// Helpers shared by the core test files.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "catalog.hpp"
#include "validator.hpp"

namespace test {

std::string read_file(const std::string& path);
std::string seed_path(const std::string& name);

// A Graph version's whole model: compiled in natively; loaded from the native build's pack under
// wasm (as the page loads a pack).
const gpb::Catalog& graph(const std::string& version);

gpb::ValidationResult check(const std::string& operationId, const std::string& body, bool response = false);

using Finding = std::pair<std::string, std::string>;  // (code, pointer)
std::set<Finding> findings(const gpb::ValidationResult& result);
std::set<Finding> findings_of_severity(const gpb::ValidationResult& result, gpb::Severity severity);

const gpb::Diagnostic* find(const gpb::ValidationResult& result, const std::string& code, const std::string& pointer);

// The JSON bodies of a documentation page: each block from a line "{" to the next line "}".
std::vector<std::string> page_bodies(const std::string& pageText);

}  // namespace test
