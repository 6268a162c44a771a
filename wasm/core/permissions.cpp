// Graph's permissions reference (graph-permissions.json), indexed by path pattern and method. What it
// lists is reported least privileged first; where it lists nothing, nothing is invented.
#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_map>

#include "catalog.hpp"

namespace gpb {

using ojson = nlohmann::ordered_json;

namespace {

// "/Security/Incidents/{incident-id}/x(on={v})" -> "/security/incidents/{id}/x()".
std::string normalized_path(std::string_view path) {
    std::string out;
    for (size_t i = 0; i < path.size(); ++i) {
        char c = path[i];
        if (c == '{' || c == '(') {
            char close = c == '{' ? '}' : ')';
            size_t end = path.find(close, i);
            if (end == std::string_view::npos) break;
            out += c == '{' ? "{id}" : "()";
            i = end;
            continue;
        }
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

struct Grant {
    std::string name;
    bool least = false;
    int privilege = 0;
};
using SchemeGrants = std::map<std::string, std::vector<Grant>>;                                // scheme -> grants
using PermissionIndex = std::unordered_map<std::string, std::map<std::string, SchemeGrants>>;  // path -> method -> ...

std::vector<std::string> least_schemes(const std::string& markers) {
    std::vector<std::string> out;
    size_t at = markers.find("least=");
    if (at == std::string::npos) return out;
    size_t end = markers.find(';', at);
    std::string list = markers.substr(at + 6, end == std::string::npos ? std::string::npos : end - at - 6);
    size_t start = 0;
    while (start <= list.size()) {
        size_t comma = list.find(',', start);
        out.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

void index_permission(PermissionIndex& index, const std::string& name, const ojson& spec) {
    auto sets = spec.find("pathSets");
    if (sets == spec.end() || !sets->is_array()) return;
    const ojson* schemes = spec.contains("schemes") && spec["schemes"].is_object() ? &spec["schemes"] : nullptr;
    for (const auto& set : *sets) {
        if (!set.is_object() || !set.contains("paths") || !set["paths"].is_object()) continue;
        for (auto path = set["paths"].begin(); path != set["paths"].end(); ++path) {
            std::vector<std::string> least = least_schemes(path->is_string() ? path->get<std::string>() : std::string());
            for (const auto& method : set.value("methods", ojson::array())) {
                if (!method.is_string()) continue;
                SchemeGrants& grants = index[normalized_path(path.key())][method.get<std::string>()];
                for (const auto& scheme : set.value("schemeKeys", ojson::array())) {
                    if (!scheme.is_string()) continue;
                    const std::string s = scheme.get<std::string>();
                    Grant g{name, std::find(least.begin(), least.end(), s) != least.end(), 0};
                    if (schemes && schemes->contains(s) && (*schemes)[s].is_object())
                        g.privilege = (*schemes)[s].value("privilegeLevel", 0);
                    grants[s].push_back(g);
                }
            }
        }
    }
}

std::unique_ptr<PermissionIndex> build_index(std::string_view text, std::string& problem) {
    auto built = std::make_unique<PermissionIndex>();
    if (text.empty()) return built;
    ojson doc = ojson::parse(text.begin(), text.end(), nullptr, false);
    if (!doc.is_object() || !doc.contains("permissions") || !doc["permissions"].is_object()) {
        problem = "not a permissions reference: no \"permissions\" object";
        return nullptr;
    }
    for (auto it = doc["permissions"].begin(); it != doc["permissions"].end(); ++it)
        if (it->is_object()) index_permission(*built, it.key(), *it);
    for (auto& [path, methods] : *built)
        for (auto& [method, schemes] : methods)
            for (auto& [scheme, grants] : schemes)
                std::stable_sort(grants.begin(), grants.end(), [](const Grant& a, const Grant& b) {
                    if (a.least != b.least) return a.least;
                    if (a.privilege != b.privilege) return a.privilege < b.privilege;
                    return a.name < b.name;
                });
    return built;
}

std::unique_ptr<PermissionIndex>& current_index() {
    static std::unique_ptr<PermissionIndex> index;
    return index;
}

// The reference compiled in (native builds), or the one loaded at run time (the page).
const PermissionIndex& permission_index() {
    auto& index = current_index();
    if (!index) {
        std::string ignored;
        index = build_index(embedded_pack("permissions"), ignored);
        if (!index) index = std::make_unique<PermissionIndex>();
    }
    return *index;
}

}  // namespace

std::string load_permissions(std::string_view json) {
    std::string problem;
    std::unique_ptr<PermissionIndex> index = build_index(json, problem);
    if (!index) return problem;
    current_index() = std::move(index);
    return {};
}

bool permissions_loaded() { return !permission_index().empty(); }

PermissionSet Catalog::permissions_for(std::string_view method, std::string_view pathTemplate) const {
    PermissionSet out;
    if (!usesGraphPermissions_) return out;
    const PermissionIndex& index = permission_index();
    auto path = index.find(normalized_path(pathTemplate));
    if (path == index.end()) return out;
    auto m = path->second.find(std::string(method));
    if (m == path->second.end()) return out;
    out.found = true;
    auto fill = [&](const char* scheme, std::vector<std::string>& into) {
        auto it = m->second.find(scheme);
        if (it == m->second.end()) return;
        for (const Grant& g : it->second) into.push_back(g.name);
    };
    fill("DelegatedWork", out.delegatedWork);
    fill("DelegatedPersonal", out.delegatedPersonal);
    fill("Application", out.application);
    return out;
}

}  // namespace gpb
