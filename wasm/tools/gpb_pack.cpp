// Build-time tool: turns the CSDL XML of wasm/models/ into model packs (compact CSDL JSON).
//   gpb_pack csdl IN.xml OUT.json             the whole model
//   gpb_pack seed IN.json OVERLAY.json... OUT.json
//       the part of a pack the overlay's operations need (their types, the types those reach by
//       structural properties, base and derived types, and the container members their paths start
//       with), so the page opens on the seed operations without downloading a whole version.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "csdl_xml.hpp"

using ojson = nlohmann::ordered_json;

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

std::string namespace_of(const std::string& qualified) { return qualified.substr(0, qualified.rfind('.')); }
std::string short_of(const std::string& qualified) { return qualified.substr(qualified.rfind('.') + 1); }

std::string member(const ojson& spec, const char* name) {
    return spec.is_object() && spec.contains(name) && spec[name].is_string() ? spec[name].get<std::string>() : std::string();
}
std::string element_type(const ojson& spec) { return member(spec, "$Type"); }
std::string kind_of(const ojson& spec) { return member(spec, "$Kind"); }

// The subset of a (fully qualified, alias-free) pack reachable from the roots.
class SeedSubset {
public:
    explicit SeedSubset(const ojson& pack) : pack_(pack) {}

    void add_type(const std::string& name) {
        if (name.rfind("Edm.", 0) == 0 || !wanted_.insert(name).second) return;
        const ojson* spec = find(name);
        if (!spec) return;
        std::string base = member(*spec, "$BaseType");
        if (!base.empty()) add_type(base);
        for (auto it = spec->begin(); it != spec->end(); ++it)
            if (it.key()[0] != '$' && it.key()[0] != '@' && kind_of(*it) != "NavigationProperty")
                add_type(element_type(*it));
        // Derived types may be named by "@odata.type"; entity's are every entity, so not those.
        if (name != "microsoft.graph.entity")
            for (const std::string& d : derived_of(name)) add_type(d);
    }

    ojson build(const std::set<std::string>& containerMembers) {
        ojson out = {{"$Version", pack_.value("$Version", "4.0")}};
        if (pack_.contains("$EntityContainer")) out["$EntityContainer"] = pack_["$EntityContainer"];
        for (auto ns = pack_.begin(); ns != pack_.end(); ++ns) {
            if (!ns->is_object() || ns.key()[0] == '$') continue;
            ojson schema = ojson::object();
            for (auto it = ns->begin(); it != ns->end(); ++it) {
                const std::string qualified = ns.key() + "." + it.key();
                if (it->is_array()) {
                    ojson kept = wanted_overloads(*it);
                    if (!kept.empty()) schema[it.key()] = kept;
                } else if (it.key() == "$Operations" && it->is_object()) {
                    ojson operations = ojson::object();
                    for (auto op = it->begin(); op != it->end(); ++op) {
                        ojson kept = op->is_array() ? wanted_overloads(*op) : ojson::array();
                        if (!kept.empty()) operations[op.key()] = kept;
                    }
                    if (!operations.empty()) schema["$Operations"] = operations;
                } else if (it->is_object() && kind_of(*it) == "EntityContainer") {
                    ojson container = {{"$Kind", "EntityContainer"}};
                    for (auto m = it->begin(); m != it->end(); ++m)
                        if (containerMembers.count(m.key())) container[m.key()] = *m;
                    schema[it.key()] = container;
                } else if (wanted_.count(qualified)) {
                    schema[it.key()] = without_unwanted_navigation(*it);
                } else if (it.key()[0] == '$' && it.key() != "$Annotations") {
                    schema[it.key()] = *it;
                }
            }
            out[ns.key()] = schema;
        }
        return out;
    }

    // The actions bound to wanted types bring their parameter and return types; those may be bound
    // to by further actions, so this runs until nothing is added.
    void add_action_types() {
        for (size_t before = 0; before != wanted_.size();) {
            before = wanted_.size();
            for_each_overload([&](const ojson& overload) {
                if (!is_wanted_overload(overload)) return;
                for (const auto& p : overload.value("$Parameter", ojson::array())) add_type(element_type(p));
                if (overload.contains("$ReturnType")) add_type(element_type(overload["$ReturnType"]));
            });
        }
    }

private:
    bool is_wanted_overload(const ojson& overload) const {
        if (!overload.is_object()) return false;
        const ojson params = overload.value("$Parameter", ojson::array());
        return overload.value("$IsBound", false) && !params.empty() && wanted_.count(element_type(params[0]));
    }

    ojson wanted_overloads(const ojson& overloads) const {
        ojson kept = ojson::array();
        for (const auto& overload : overloads)
            if (is_wanted_overload(overload)) kept.push_back(overload);
        return kept;
    }

    template <typename F>
    void for_each_overload(F f) const {
        for (auto ns = pack_.begin(); ns != pack_.end(); ++ns) {
            if (!ns->is_object() || ns.key()[0] == '$') continue;
            for (auto it = ns->begin(); it != ns->end(); ++it) {
                if (it->is_array())
                    for (const auto& o : *it) f(o);
                else if (it.key() == "$Operations" && it->is_object())
                    for (auto op = it->begin(); op != it->end(); ++op)
                        if (op->is_array())
                            for (const auto& o : *op) f(o);
            }
        }
    }

    const ojson* find(const std::string& qualified) const {
        auto ns = pack_.find(namespace_of(qualified));
        if (ns == pack_.end() || !ns->is_object()) return nullptr;
        auto it = ns->find(short_of(qualified));
        return it == ns->end() || !it->is_object() ? nullptr : &*it;
    }

    std::vector<std::string> derived_of(const std::string& base) const {
        std::vector<std::string> out;
        for (auto ns = pack_.begin(); ns != pack_.end(); ++ns) {
            if (!ns->is_object() || ns.key()[0] == '$') continue;
            for (auto it = ns->begin(); it != ns->end(); ++it)
                if (it->is_object() && member(*it, "$BaseType") == base) out.push_back(ns.key() + "." + it.key());
        }
        return out;
    }

    ojson without_unwanted_navigation(const ojson& spec) const {
        ojson out = ojson::object();
        for (auto it = spec.begin(); it != spec.end(); ++it) {
            bool nav = it->is_object() && kind_of(*it) == "NavigationProperty";
            if (nav && !wanted_.count(element_type(*it))) continue;
            out[it.key()] = *it;
        }
        return out;
    }

    const ojson& pack_;
    std::set<std::string> wanted_;
};

int seed(int argc, char** argv) {
    std::string text;
    if (!read_file(argv[2], text)) return std::cerr << "gpb_pack: cannot read " << argv[2] << "\n", 2;
    gpb::CsdlText pack = gpb::read_csdl_json(text);
    if (!pack.ok) return std::cerr << "gpb_pack: " << argv[2] << ": " << pack.problem << "\n", 2;
    SeedSubset subset(pack.csdl);
    std::set<std::string> members;
    for (int i = 3; i < argc - 1; ++i) {
        if (!read_file(argv[i], text)) return std::cerr << "gpb_pack: cannot read " << argv[i] << "\n", 2;
        ojson overlay = ojson::parse(text, nullptr, false);
        if (!overlay.is_object()) return std::cerr << "gpb_pack: " << argv[i] << " is not JSON\n", 2;
        const ojson types = overlay.value("types", ojson::object());
        for (auto it = types.begin(); it != types.end(); ++it) subset.add_type(it.key());
        for (const auto& op : overlay.value("operations", ojson::array())) {
            std::string path = op.value("path", std::string());
            std::string first = path.substr(1, path.find('/', 1) == std::string::npos ? std::string::npos : path.find('/', 1) - 1);
            members.insert(first);
        }
    }
    // The container members' own types, with only the navigation the wanted types reach.
    for (auto ns = pack.csdl.begin(); ns != pack.csdl.end(); ++ns)
        if (ns->is_object())
            for (auto it = ns->begin(); it != ns->end(); ++it)
                if (it->is_object() && kind_of(*it) == "EntityContainer")
                    for (const auto& m : members)
                        if (it->contains(m)) subset.add_type(element_type((*it)[m]));
    subset.add_action_types();
    return write_file(argv[argc - 1], subset.build(members).dump()) ? 0 : 2;
}

// The permissions reference without its prose: names, schemes with their privilege levels, path sets.
int permissions(const char* in, const char* out) {
    std::string text;
    if (!read_file(in, text)) return std::cerr << "gpb_pack: cannot read " << in << "\n", 2;
    ojson doc = ojson::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("permissions") || !doc["permissions"].is_object())
        return std::cerr << "gpb_pack: " << in << " is not a permissions reference\n", 2;
    ojson compact = ojson::object();
    for (auto it = doc["permissions"].begin(); it != doc["permissions"].end(); ++it) {
        if (!it->is_object()) continue;
        ojson entry = ojson::object();
        ojson schemes = ojson::object();
        const ojson allSchemes = it->value("schemes", ojson::object());
        for (auto s = allSchemes.begin(); s != allSchemes.end(); ++s)
            if (s->is_object()) schemes[s.key()] = {{"privilegeLevel", s->value("privilegeLevel", 0)}};
        entry["schemes"] = schemes;
        entry["pathSets"] = it->value("pathSets", ojson::array());
        compact[it.key()] = entry;
    }
    return write_file(out, ojson{{"permissions", compact}}.dump()) ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "csdl" && argc == 4) {
        std::string text;
        if (!read_file(argv[2], text)) return std::cerr << "gpb_pack: cannot read " << argv[2] << "\n", 2;
        gpb::CsdlText csdl = gpb::read_csdl_xml(text);
        if (!csdl.ok) return std::cerr << "gpb_pack: " << argv[2] << ": " << csdl.problem << "\n", 2;
        return write_file(argv[3], csdl.csdl.dump()) ? 0 : 2;
    }
    if (mode == "seed" && argc >= 5) return seed(argc, argv);
    if (mode == "permissions" && argc == 4) return permissions(argv[2], argv[3]);
    std::cerr << "usage: gpb_pack csdl IN.xml OUT.json | gpb_pack seed PACK.json OVERLAY.json... OUT.json | "
                 "gpb_pack permissions IN.json OUT.json\n";
    return 2;
}
