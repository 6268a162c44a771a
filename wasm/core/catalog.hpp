// The models of Graph types, enums, entity sets and operations, loaded from the embedded catalog data.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace gpb {

enum class Primitive { None, String, Int32, Int64, Double, Boolean, DateTimeOffset, Guid, Untyped };

struct TypeDef;
struct EnumDef;

struct PropertyDef {
    std::string name;
    std::string typeName;  // "Edm.String" or a qualified type or enum name
    std::string description;
    bool collection = false;
    bool nullable = true;
    bool readOnly = false;
    bool serverAssigned = false;
    bool navigation = false;
    bool key = false;
    bool hasRange = false;
    int64_t rangeMin = 0, rangeMax = 0;
    int64_t maxLength = -1;
    nlohmann::ordered_json example;  // null when the catalog gives none
    // Resolved after loading: exactly one is set.
    Primitive primitive = Primitive::None;
    const TypeDef* structured = nullptr;
    const EnumDef* enumeration = nullptr;
};

struct TypeDef {
    std::string name;       // qualified: microsoft.graph.keyValuePair
    std::string shortName;  // keyValuePair
    std::string baseName;
    std::string description;
    bool entity = false;
    bool abstract = false;
    bool open = false;
    bool partial = false;  // the model lists only some of the type's properties
    const TypeDef* base = nullptr;
    std::vector<PropertyDef> ownProperties;
    std::vector<const PropertyDef*> properties;  // inherited first, in declaration order
    std::vector<const TypeDef*> derived;         // direct subtypes

    const PropertyDef* property(std::string_view name) const;
    bool is_or_derives_from(const TypeDef* other) const;
    std::unordered_map<std::string_view, const PropertyDef*> byName;  // views of the names in ownProperties
};

struct EnumDef {
    std::string name;
    std::string shortName;
    std::vector<std::string> members;
    bool has(std::string_view member) const;
};

struct EntitySet {
    std::string path;  // /security/incidentTasks
    std::string typeName;
    std::string key;   // the name of the key placeholder: incidentTaskId
    const TypeDef* type = nullptr;
};

struct HeaderDef {
    std::string name;
    std::string value;
    bool required = false;
};

struct ExpectedFinding {
    std::string severity;
    std::string code;
    std::string pointer;
};

struct OperationDef {
    std::string id, resource, title, description, method, version, path;
    std::vector<std::string> pathParameters;  // placeholders of path, in order
    std::string bodyTypeName;
    const TypeDef* bodyType = nullptr;
    const TypeDef* addressType = nullptr;  // the type the path addresses
    const EntitySet* entitySet = nullptr;
    std::vector<std::string> required;
    bool restrictsUpdates = false;  // true when only `updatable` may be sent
    std::vector<std::string> updatable;
    std::vector<HeaderDef> headers;
    int responseStatus = 200;
    std::string responseReason;
    std::string responseTypeName;
    const TypeDef* responseType = nullptr;
    std::vector<std::string> permissionsDelegatedWork, permissionsDelegatedPersonal, permissionsApplication;
    std::vector<std::string> nationalClouds;
    std::vector<std::string> caveats;
    bool documented = true;  // false for an operation the published methods do not include
    std::vector<std::string> minimal;
    nlohmann::ordered_json docsExample;
    std::vector<ExpectedFinding> docsExampleFindings;

    bool has_body() const { return method == "POST" || method == "PATCH" || method == "PUT"; }
    bool may_send(std::string_view property) const;
    // A body must name its type when the address is typed as a base of the body type.
    bool needs_odata_type() const { return bodyType && addressType && bodyType != addressType; }
};

struct ResolvedPath {
    const EntitySet* entitySet = nullptr;
    bool singleEntity = false;
    std::string keyValue;
};

class Catalog {
public:
    // The catalog compiled into this binary.
    static const Catalog& builtin();

    // Loads catalog documents (JSON texts); problems lists every reference that does not resolve.
    void load(const std::vector<std::string_view>& sources);
    // The builtin documents (parsed once per process) and then these.
    void load_builtin_and(const std::vector<std::string_view>& sources);
    const std::vector<std::string>& problems() const { return problems_; }

    const TypeDef* type(std::string_view qualifiedName) const;
    const EnumDef* enumeration(std::string_view qualifiedName) const;
    const OperationDef* operation(std::string_view id) const;
    const std::vector<std::unique_ptr<OperationDef>>& operations() const { return operations_; }
    const std::vector<std::unique_ptr<EntitySet>>& entitySets() const { return entitySets_; }
    // Every type whose name matches ignoring case (to suggest a fix for a mis-cased @odata.type).
    const TypeDef* type_ignoring_case(std::string_view qualifiedName) const;
    // Matches a path (after the version segment) to an entity set; segments compare ignoring case.
    ResolvedPath resolve_path(std::string_view path) const;

private:
    void load_source(std::string_view source, const std::string& origin);
    void load_parsed(const nlohmann::ordered_json& doc, const std::string& origin);
    void load_document(const nlohmann::ordered_json& doc, const std::string& origin);
    void resolve();

    std::map<std::string, TypeDef, std::less<>> types_;
    std::map<std::string, EnumDef, std::less<>> enums_;
    std::vector<std::unique_ptr<EntitySet>> entitySets_;
    std::vector<std::unique_ptr<OperationDef>> operations_;
    std::vector<std::string> problems_;
};

std::string short_type_name(std::string_view qualifiedName);

}  // namespace gpb
