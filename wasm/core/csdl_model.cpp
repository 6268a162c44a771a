// CSDL JSON -> the model: types, enums, the entity container and actions, with the annotations that
// matter for bodies. Names are checked (a name is an OData identifier, never markup), aliases are
// replaced by their namespaces, and every reference is resolved in Catalog::resolve().
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "catalog.hpp"
#include "text.hpp"

namespace gpb {

// Ordered, as declared; one JSON type across the core keeps the wasm small (Graph-sized CSDL goes
// through model packs, not through here, on the page).
using ojson = nlohmann::ordered_json;

Primitive primitive_of(std::string_view name) {
    static const std::unordered_map<std::string_view, Primitive> primitives = {
        {"Edm.String", Primitive::String},
        {"Edm.Int32", Primitive::Int32},
        {"Edm.Int64", Primitive::Int64},
        {"Edm.Double", Primitive::Double},
        {"Edm.Boolean", Primitive::Boolean},
        {"Edm.DateTimeOffset", Primitive::DateTimeOffset},
        {"Edm.Guid", Primitive::Guid},
        {"Edm.Untyped", Primitive::Untyped},
        {"Edm.Int16", Primitive::Int16},
        {"Edm.Byte", Primitive::Byte},
        {"Edm.SByte", Primitive::SByte},
        {"Edm.Decimal", Primitive::Decimal},
        {"Edm.Single", Primitive::Single},
        {"Edm.Date", Primitive::Date},
        {"Edm.TimeOfDay", Primitive::TimeOfDay},
        {"Edm.Duration", Primitive::Duration},
        {"Edm.Binary", Primitive::Binary},
        {"Edm.Stream", Primitive::Stream},
        {"Edm.PrimitiveType", Primitive::Untyped},
    };
    auto it = primitives.find(name);
    if (it != primitives.end()) return it->second;
    if (name.substr(0, 13) == "Edm.Geography" || name.substr(0, 12) == "Edm.Geometry") return Primitive::Spatial;
    return Primitive::None;
}

namespace {

// An OData simple identifier: a letter or underscore, then letters, digits and underscores.
bool is_identifier(std::string_view name) {
    if (name.empty() || name.size() > 128) return false;
    if (!(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool is_qualified_name(std::string_view name) {
    if (name.empty() || name.size() > 512) return false;
    size_t at = 0;
    while (true) {
        size_t dot = name.find('.', at);
        if (!is_identifier(name.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at))) return false;
        if (dot == std::string_view::npos) return true;
        at = dot + 1;
    }
}

// "@Org.OData.Core.V1.Computed" and "@Core.Computed" are the same term.
bool term_is(std::string_view key, std::string_view vocabulary, std::string_view term) {
    if (key.empty() || key[0] != '@') return false;
    key.remove_prefix(1);
    if (key.size() <= term.size() + 1 || key.substr(key.size() - term.size()) != term || key[key.size() - term.size() - 1] != '.')
        return false;
    return key.find(vocabulary) != std::string_view::npos;
}

bool flag(const ojson& object, const char* name, bool fallback = false) {
    auto it = object.find(name);
    return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::string text(const ojson& object, const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A Capabilities restriction record's boolean (Insertable, Updatable, Deletable); true when absent.
bool restriction(const ojson& object, const char* term, const char* member) {
    for (auto it = object.begin(); it != object.end(); ++it)
        if (term_is(it.key(), "Capabilities", term) && it->is_object()) return flag(*it, member, true);
    return true;
}

}  // namespace

// Reads one CSDL JSON document into a catalog.
class CsdlModelBuilder {
public:
    explicit CsdlModelBuilder(Catalog& catalog) : c_(catalog) {}

    void build(const ojson& csdl) {
        if (!csdl.is_object()) return problem("the CSDL document is not an object");
        collect_namespaces(csdl);
        for (auto it = csdl.begin(); it != csdl.end(); ++it) {
            if (it.key().empty() || it.key()[0] == '$' || it.key()[0] == '@') continue;
            if (!it->is_object()) continue;
            if (!is_qualified_name(it.key())) {
                problem("the namespace " + quoted(it.key()) + " is not an OData name");
                continue;
            }
            read_schema(it.key(), *it);
        }
        for (auto it = csdl.begin(); it != csdl.end(); ++it)
            if (it->is_object())
                if (auto annotations = it->find("$Annotations"); annotations != it->end() && annotations->is_object())
                    apply_annotations(*annotations);
        c_.hasMetadata_ = true;
    }

private:
    static std::string quoted(std::string_view s) {
        std::string out = "\"";
        for (char c : s.substr(0, 80)) out += (static_cast<unsigned char>(c) < 0x20 || c == '"') ? '?' : c;
        return out + (s.size() > 80 ? "...\"" : "\"");
    }

    void problem(const std::string& message) { c_.problems_.push_back(message); }

    void collect_namespaces(const ojson& csdl) {
        for (auto it = csdl.begin(); it != csdl.end(); ++it) {
            if (!it->is_object() || it.key().empty() || it.key()[0] == '$') continue;
            std::string alias = text(*it, "$Alias");
            if (!alias.empty()) aliases_[alias] = c_.aliases_[alias] = it.key();
        }
    }

    // Replaces a leading alias ("graph.user", "self.incident") with its namespace.
    std::string qualify(const std::string& name) const {
        size_t dot = name.rfind('.');
        if (dot == std::string::npos) return name;
        auto it = aliases_.find(name.substr(0, dot));
        if (it == aliases_.end()) return name;
        return it->second + name.substr(dot);
    }

    // The qualified type a member names, checked: an Edm primitive, or a qualified name.
    std::string type_name(const ojson& spec, const std::string& where) {
        std::string type = text(spec, "$Type");
        if (type.empty()) return "Edm.String";
        type = qualify(type);
        if (type.compare(0, 4, "Edm.") == 0) {
            if (primitive_of(type) == Primitive::None) problem(where + " has the unknown primitive type " + quoted(type));
        } else if (!is_qualified_name(type)) {
            problem(where + " has the type " + quoted(type) + ", which is not an OData name");
        }
        if (auto def = typeDefinitions_.find(type); def != typeDefinitions_.end()) return def->second;
        return type;
    }

    void read_schema(const std::string& ns, const ojson& schema) {
        // Type definitions first: properties may name them before they are declared.
        for (auto it = schema.begin(); it != schema.end(); ++it)
            if (it->is_object() && text(*it, "$Kind") == "TypeDefinition")
                typeDefinitions_[ns + "." + it.key()] = qualify(text(*it, "$UnderlyingType"));
        if (auto ops = schema.find("$Operations"); ops != schema.end() && ops->is_object())
            for (auto it = ops->begin(); it != ops->end(); ++it)
                if (it->is_array() && is_identifier(it.key()))
                    for (const auto& overload : *it)
                        if (overload.is_object()) read_action(ns, it.key(), overload);
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            const std::string& name = it.key();
            if (name.empty() || name[0] == '$' || name[0] == '@') continue;
            if (!is_identifier(name)) {
                problem("the name " + quoted(name) + " in " + ns + " is not an OData identifier");
                continue;
            }
            if (it->is_array()) {
                for (const auto& overload : *it)
                    if (overload.is_object()) read_action(ns, name, overload);
                continue;
            }
            if (!it->is_object()) continue;
            std::string kind = text(*it, "$Kind");
            if (kind == "EntityType" || kind == "ComplexType") read_type(ns + "." + name, kind == "EntityType", *it);
            else if (kind == "EnumType") read_enum(ns + "." + name, *it);
            else if (kind == "EntityContainer") {
                c_.defaultNamespace_ = ns;
                read_container(*it);
            }
        }
    }

    void read_type(const std::string& qualified, bool entity, const ojson& spec) {
        if (c_.types_.count(qualified)) return problem("the type " + qualified + " is declared twice");
        TypeDef& type = c_.types_[qualified];
        type.name = qualified;
        type.shortName = short_type_name(qualified);
        type.entity = entity;
        type.baseName = qualify(text(spec, "$BaseType"));
        type.abstract = flag(spec, "$Abstract");
        type.open = flag(spec, "$OpenType");
        type.hasStream = flag(spec, "$HasStream");
        type.description = description_of(spec);
        if (auto key = spec.find("$Key"); key != spec.end() && key->is_array())
            for (const auto& k : *key)
                if (k.is_string()) type.keyNames.push_back(k.get<std::string>());
        for (auto it = spec.begin(); it != spec.end(); ++it) {
            const std::string& name = it.key();
            if (name.empty() || name[0] == '$' || name[0] == '@' || !it->is_object()) continue;
            if (!is_identifier(name)) {
                problem("the property " + quoted(name) + " of " + qualified + " is not an OData identifier");
                continue;
            }
            type.ownProperties.push_back(read_property(name, *it, qualified + "/" + name));
        }
        for (const auto& keyName : type.keyNames)
            for (auto& prop : type.ownProperties)
                if (prop.name == keyName) prop.key = true;
    }

    PropertyDef read_property(const std::string& name, const ojson& spec, const std::string& where) {
        PropertyDef prop;
        prop.name = name;
        prop.typeName = type_name(spec, where);
        prop.collection = flag(spec, "$Collection");
        prop.nullable = flag(spec, "$Nullable");
        prop.navigation = text(spec, "$Kind") == "NavigationProperty";
        prop.containsTarget = flag(spec, "$ContainsTarget");
        prop.hasDefault = spec.contains("$DefaultValue");
        if (auto max = spec.find("$MaxLength"); max != spec.end() && max->is_number_integer()) prop.maxLength = max->get<int64_t>();
        apply_property_annotations(prop, spec);
        return prop;
    }

    static std::string description_of(const ojson& spec) {
        for (auto it = spec.begin(); it != spec.end(); ++it)
            if (term_is(it.key(), "Core", "Description") && it->is_string()) return it->get<std::string>();
        return {};
    }

    static void apply_property_annotations(PropertyDef& prop, const ojson& annotations) {
        prop.insertable = prop.insertable && restriction(annotations, "InsertRestrictions", "Insertable");
        prop.updatable = prop.updatable && restriction(annotations, "UpdateRestrictions", "Updatable");
        prop.deletable = prop.deletable && restriction(annotations, "DeleteRestrictions", "Deletable");
        for (auto it = annotations.begin(); it != annotations.end(); ++it) {
            const std::string& key = it.key();
            if (key.empty() || key[0] != '@') continue;
            bool on = !it->is_boolean() || it->get<bool>();
            if (term_is(key, "Core", "Computed")) prop.computed = prop.readOnly = on;
            else if (term_is(key, "Core", "Immutable")) prop.immutable = on;
            else if (term_is(key, "Core", "OptionalParameter")) prop.optional = true;
            else if (term_is(key, "Core", "Description") && it->is_string()) prop.description = it->get<std::string>();
            else if (term_is(key, "Core", "Permissions") && it->is_string()) {
                // "Read" alone (not "ReadWrite") marks a property the client cannot write.
                const std::string& value = it->get_ref<const std::string&>();
                std::string_view last =
                    std::string_view(value).substr(value.find_last_of("/.") == std::string::npos ? 0 : value.find_last_of("/.") + 1);
                if (last == "Read") prop.readOnly = true;
            }
        }
    }

    void read_enum(const std::string& qualified, const ojson& spec) {
        if (c_.enums_.count(qualified)) return problem("the enum " + qualified + " is declared twice");
        EnumDef& e = c_.enums_[qualified];
        e.name = qualified;
        e.shortName = short_type_name(qualified);
        e.flags = flag(spec, "$IsFlags");
        std::vector<std::pair<long long, std::string>> members;
        for (auto it = spec.begin(); it != spec.end(); ++it) {
            if (it.key().empty() || it.key()[0] == '$' || it.key()[0] == '@') continue;
            if (!is_identifier(it.key())) {
                problem("the member " + quoted(it.key()) + " of " + qualified + " is not an OData identifier");
                continue;
            }
            members.emplace_back(it->is_number_integer() ? it->get<long long>() : 0, it.key());
        }
        // In the order of their values, as declared (the reader keeps members sorted by name).
        std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& m : members) e.members.push_back(std::move(m.second));
        // Graph declares some enums without members (auditLogRecordType); any string is then accepted.
    }

    void read_action(const std::string& ns, const std::string& name, const ojson& spec) {
        auto action = std::make_unique<ActionDef>();
        action->name = name;
        action->qualifiedName = ns + "." + name;
        action->function = text(spec, "$Kind") == "Function";
        action->bound = flag(spec, "$IsBound");
        action->parameters.name = action->qualifiedName + " parameters";
        action->parameters.shortName = name + " parameters";
        action->parameters.description = description_of(spec);
        bool first = true;
        if (auto params = spec.find("$Parameter"); params != spec.end() && params->is_array()) {
            for (const auto& p : *params) {
                if (!p.is_object()) continue;
                std::string pname = text(p, "$Name");
                if (!is_identifier(pname)) {
                    problem("a parameter of " + action->qualifiedName + " has the name " + quoted(pname) +
                            ", which is not an OData identifier");
                    first = false;
                    continue;
                }
                if (first && action->bound) {
                    action->bindingTypeName = type_name(p, action->qualifiedName + "/" + pname);
                    action->bindingCollection = flag(p, "$Collection");
                } else {
                    action->add_parameter(read_property(pname, p, action->qualifiedName + "/" + pname));
                }
                first = false;
            }
        }
        if (action->bound && action->bindingTypeName.empty()) problem(action->qualifiedName + " is bound but has no binding parameter");
        if (auto ret = spec.find("$ReturnType"); ret != spec.end() && ret->is_object()) {
            action->returns = true;
            action->returnValue = read_property("value", *ret, action->qualifiedName + " return type");
        }
        c_.add_action(std::move(action));
    }

    void read_container(const ojson& spec) {
        for (auto it = spec.begin(); it != spec.end(); ++it) {
            const std::string& name = it.key();
            if (name.empty() || name[0] == '$' || name[0] == '@' || !it->is_object()) continue;
            if (!is_identifier(name)) {
                problem("the container member " + quoted(name) + " is not an OData identifier");
                continue;
            }
            if (it->contains("$Action") || it->contains("$Function")) continue;  // imports: found by name among actions
            auto set = std::make_unique<EntitySet>();
            set->name = name;
            set->path = "/" + name;
            set->typeName = type_name(*it, "the container member " + name);
            set->collection = flag(*it, "$Collection");
            set->insertable = restriction(*it, "InsertRestrictions", "Insertable");
            set->updatable = restriction(*it, "UpdateRestrictions", "Updatable");
            set->deletable = restriction(*it, "DeleteRestrictions", "Deletable");
            c_.entitySets_.push_back(std::move(set));
        }
    }

    // Out-of-line annotations: "Namespace.type/property" (or "Namespace.Container/set") -> terms.
    void apply_annotations(const ojson& annotations) {
        for (auto it = annotations.begin(); it != annotations.end(); ++it) {
            if (!it->is_object()) continue;
            std::string target = it.key();
            size_t slash = target.find('/');
            std::string owner = qualify(target.substr(0, slash));
            std::string member = slash == std::string::npos ? std::string() : target.substr(slash + 1);
            auto type = c_.types_.find(owner);
            if (type == c_.types_.end()) {
                if (!member.empty()) apply_container_annotations(member, *it);
                continue;
            }
            if (member.empty()) {
                std::string d = description_of(*it);
                if (!d.empty()) type->second.description = d;
                continue;
            }
            for (auto& prop : type->second.ownProperties)
                if (prop.name == member) apply_property_annotations(prop, *it);
        }
    }

    void apply_container_annotations(const std::string& member, const ojson& terms) {
        for (auto& set : c_.entitySets_) {
            if (set->name != member) continue;
            set->insertable = set->insertable && restriction(terms, "InsertRestrictions", "Insertable");
            set->updatable = set->updatable && restriction(terms, "UpdateRestrictions", "Updatable");
            set->deletable = set->deletable && restriction(terms, "DeleteRestrictions", "Deletable");
        }
    }

    Catalog& c_;
    std::unordered_map<std::string, std::string> aliases_;
    std::unordered_map<std::string, std::string> typeDefinitions_;
};

void Catalog::add_csdl(const ojson& csdl) {
    CsdlModelBuilder builder(*this);
    builder.build(csdl);
}

}  // namespace gpb
