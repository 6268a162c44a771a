#include "support.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

namespace test {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    INFO("reading " << path);
    REQUIRE(in.good());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const gpb::Catalog& graph(const std::string& version) {
    if (!gpb::permissions_loaded()) gpb::load_permissions(read_file(std::string(GPB_PACK_DIR) + "/permissions.json"));
    const gpb::Catalog* model = gpb::Catalog::named(version);
    if (!model || !model->complete()) {
        std::string problem = gpb::Catalog::load_pack(version, read_file(std::string(GPB_PACK_DIR) + "/" + version + ".gpbm"));
        if (!problem.empty()) throw std::runtime_error("cannot load the " + version + " pack: " + problem);
        model = gpb::Catalog::named(version);
    }
    return *model;
}

std::string seed_path(const std::string& name) { return std::string(GPB_FIXTURES_DIR) + "/seeds/" + name; }

gpb::ValidationResult check(const std::string& operationId, const std::string& body, bool response) {
    const gpb::Catalog& catalog = gpb::Catalog::builtin();
    const gpb::OperationDef* op = catalog.operation(operationId);
    INFO("operation " << operationId);
    REQUIRE(op != nullptr);
    return gpb::validate_body(catalog, *op, body, response ? gpb::Direction::Response : gpb::Direction::Request);
}

std::set<Finding> findings(const gpb::ValidationResult& result) {
    std::set<Finding> out;
    for (const auto& d : result.diagnostics) out.emplace(d.code, d.pointer);
    return out;
}

std::set<Finding> findings_of_severity(const gpb::ValidationResult& result, gpb::Severity severity) {
    std::set<Finding> out;
    for (const auto& d : result.diagnostics)
        if (d.severity == severity) out.emplace(d.code, d.pointer);
    return out;
}

const gpb::Diagnostic* find(const gpb::ValidationResult& result, const std::string& code, const std::string& pointer) {
    for (const auto& d : result.diagnostics)
        if (d.code == code && d.pointer == pointer) return &d;
    return nullptr;
}

std::vector<std::string> page_bodies(const std::string& pageText) {
    std::vector<std::string> bodies;
    std::istringstream in(pageText);
    std::string line, current;
    bool inside = false;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!inside && line == "{") inside = true;
        if (inside) current += line + "\n";
        if (inside && line == "}") {
            bodies.push_back(current);
            current.clear();
            inside = false;
        }
    }
    return bodies;
}

}  // namespace test
