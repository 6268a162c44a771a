// Build-time tool: turns the CSDL of wasm/models/ into model packs (model_pack.hpp).
//   gpb_pack model NAME IN.xml OUT.gpbm       the whole model
//   gpb_pack seed IN.xml OVERLAY.json... OUT.gpbm
//       the part of a model the overlay's operations need (their types, the types those reach by
//       structural properties, base and derived types, navigation between them, the actions bound
//       to them and the container members their paths start with), so the page opens on the seed
//       operations without downloading a whole version.
//   gpb_pack permissions IN.json OUT.json     the permissions reference without its prose
//   gpb_pack csdl IN.xml OUT.json             CSDL XML as CSDL JSON
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "catalog.hpp"
#include "csdl_xml.hpp"
#include "model_pack.hpp"

using json = nlohmann::json;

namespace {

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

int fail(const std::string& message) {
    std::cerr << "gpb_pack: " << message << "\n";
    return 2;
}

// Reads CSDL into a model; the metadata's own defects are reported, not fatal.
bool read_model(const std::string& path, gpb::Catalog& model) {
    std::string text;
    if (!read_file(path, text)) return fail("cannot read " + path), false;
    std::string problem = gpb::Catalog::read_metadata_only(model, text);
    if (model.types().empty()) return fail(path + ": " + problem), false;
    return true;
}

// The wanted part of a model, by name.
class SeedSubset {
public:
    explicit SeedSubset(const gpb::Catalog& model) : model_(model) {
        for (const auto& [name, type] : model.types())
            if (!type.baseName.empty()) derived_[type.baseName].push_back(name);
    }

    void add_type(const std::string& name) {
        if (name.rfind("Edm.", 0) == 0) return;
        if (model_.enumeration(name)) {
            wanted_.insert(name);
            return;
        }
        const gpb::TypeDef* type = model_.type(name);
        if (!type || !wanted_.insert(name).second) return;
        if (!type->baseName.empty()) add_type(type->baseName);
        for (const auto& p : type->ownProperties)
            if (!p.navigation) add_type(p.typeName);
        // Derived types may be named by "@odata.type"; entity's are every entity, so not those.
        if (name != "microsoft.graph.entity")
            for (const auto& d : derived_[name]) add_type(d);
    }

    void add_member(const std::string& name) {
        for (const auto& set : model_.entitySets())
            if (set->name == name) {
                members_.insert(name);
                add_type(set->typeName);
            }
    }

    // Actions bound to wanted types bring their parameter and return types; until nothing is added.
    void add_action_types() {
        for (size_t before = 0; before != wanted_.size();) {
            before = wanted_.size();
            for (const auto& a : model_.actions()) {
                if (!wanted_action(*a)) continue;
                for (const auto& p : a->parameters.ownProperties) add_type(p.typeName);
                if (a->returns) add_type(a->returnValue.typeName);
            }
        }
    }

    // The whole pack's lines, less what is not wanted.
    std::string filter(const std::string& pack) const {
        std::string out;
        std::istringstream lines(pack);
        std::string line;
        bool keepOwner = true;  // the last T or A line was kept
        bool first = true;
        while (std::getline(lines, line)) {
            std::string_view kind = first ? "H" : std::string_view(line).substr(0, 1);
            first = false;
            std::string name = field(line, 1);
            bool keep = true;
            if (kind == "E") keep = wanted_.count(name) > 0;
            else if (kind == "T") keep = keepOwner = wanted_.count(name) > 0;
            else if (kind == "S") keep = members_.count(name) > 0;
            else if (kind == "A") keep = keepOwner = wanted_.count(field(line, 3)) > 0;
            else if (kind == "P") keep = keepOwner && (field(line, 3).find('v') == std::string::npos || wanted_.count(field(line, 2)));
            else if (kind == "R") keep = keepOwner;
            if (keep) out += line + "\n";
        }
        return out;
    }

private:
    bool wanted_action(const gpb::ActionDef& a) const { return a.bound && wanted_.count(a.bindingTypeName); }

    static std::string field(const std::string& line, size_t index) {
        size_t at = 0;
        for (size_t i = 0; i < index; ++i) {
            at = line.find('\t', at);
            if (at == std::string::npos) return {};
            ++at;
        }
        size_t end = line.find('\t', at);
        return line.substr(at, end == std::string::npos ? std::string::npos : end - at);
    }

    const gpb::Catalog& model_;
    std::map<std::string, std::vector<std::string>> derived_;
    std::set<std::string> wanted_, members_;
};

int seed(int argc, char** argv) {
    gpb::Catalog model;
    if (!read_model(argv[2], model)) return 2;
    SeedSubset subset(model);
    for (int i = 3; i < argc - 1; ++i) {
        std::string text;
        if (!read_file(argv[i], text)) return fail("cannot read " + std::string(argv[i]));
        json overlay = json::parse(text, nullptr, false);
        if (!overlay.is_object()) return fail(std::string(argv[i]) + " is not JSON");
        const json types = overlay.value("types", json::object()), operations = overlay.value("operations", json::array());
        for (const auto& [name, spec] : types.items()) subset.add_type(name);
        for (const auto& op : operations) {
            std::string path = op.value("path", std::string());
            size_t slash = path.find('/', 1);
            subset.add_member(path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1));
        }
    }
    subset.add_action_types();
    return write_file(argv[argc - 1], subset.filter(gpb::write_model_pack(model, "seed"))) ? 0 : 2;
}

// The permissions reference without its prose: names, schemes with their privilege levels, path sets.
int permissions(const char* in, const char* out) {
    std::string text;
    if (!read_file(in, text)) return fail(std::string("cannot read ") + in);
    json doc = json::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("permissions") || !doc["permissions"].is_object())
        return fail(std::string(in) + " is not a permissions reference");
    json compact = json::object();
    for (const auto& [name, spec] : doc["permissions"].items()) {
        if (!spec.is_object()) continue;
        json schemes = json::object();
        const json allSchemes = spec.value("schemes", json::object());
        for (const auto& [scheme, details] : allSchemes.items())
            if (details.is_object()) schemes[scheme] = {{"privilegeLevel", details.value("privilegeLevel", 0)}};
        compact[name] = {{"schemes", schemes}, {"pathSets", spec.value("pathSets", json::array())}};
    }
    return write_file(out, json{{"permissions", compact}}.dump()) ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "model" && argc == 5) {
        gpb::Catalog model;
        if (!read_model(argv[3], model)) return 2;
        return write_file(argv[4], gpb::write_model_pack(model, argv[2])) ? 0 : 2;
    }
    if (mode == "seed" && argc >= 5) return seed(argc, argv);
    if (mode == "permissions" && argc == 4) return permissions(argv[2], argv[3]);
    if (mode == "csdl" && argc == 4) {
        std::string text;
        if (!read_file(argv[2], text)) return fail(std::string("cannot read ") + argv[2]);
        gpb::CsdlText csdl = gpb::read_csdl_xml(text);
        if (!csdl.ok) return fail(std::string(argv[2]) + ": " + csdl.problem);
        return write_file(argv[3], csdl.csdl.dump(2)) ? 0 : 2;
    }
    std::cerr << "usage: gpb_pack model NAME IN.xml OUT.gpbm | gpb_pack seed IN.xml OVERLAY.json... OUT.gpbm |\n"
                 "       gpb_pack permissions IN.json OUT.json | gpb_pack csdl IN.xml OUT.json\n";
    return 2;
}
