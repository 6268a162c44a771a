// A service's model: its types, enums, entity container and actions (read from OData CSDL by
// csdl_model.cpp), the curated overlay on top (wasm/catalog/), and the operations resolved from it.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace gpb {

enum class Primitive {
    None,
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    Guid,
    Untyped,
    Int16,
    Byte,
    SByte,
    Decimal,
    Single,
    Date,
    TimeOfDay,
    Duration,
    Binary,
    Stream,
    Spatial,
};

// The Edm primitive a type name names; None for anything else (and for unknown Edm names).
Primitive primitive_of(std::string_view edmName);

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
    bool containsTarget = false;  // navigation: the target lives inside this entity (addressable below it)
    bool computed = false;        // Core.Computed: the service sets it
    bool immutable = false;       // Core.Immutable: set on create, never changed
    bool optional = false;        // action parameters: Core.OptionalParameter
    std::string camelName;        // action parameters: the name with a lower-case first letter, when that differs
    bool hasDefault = false;      // a DefaultValue facet: the service fills it when left out
    // Navigation: Capabilities Insert/Update/Delete restrictions on what it leads to.
    bool insertable = true, updatable = true, deletable = true;
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
    bool hasStream = false;
    bool inModel = false;               // Catalog::type finds it by name (an action's parameters are not in the model)
    std::vector<std::string> keyNames;  // own key, or empty (then the base type's)
    const TypeDef* base = nullptr;
    std::vector<PropertyDef> ownProperties;
    std::vector<const PropertyDef*> properties;  // inherited first, in declaration order
    std::vector<const TypeDef*> derived;         // direct subtypes

    using NamedProperty = std::pair<std::string_view, const PropertyDef*>;
    const PropertyDef* property(std::string_view name) const {
        const NamedProperty* entry = named_property(name);
        return entry ? entry->second : nullptr;
    }
    // The entry of byName that answers to name (its view lives as long as the type), or null.
    const NamedProperty* named_property(std::string_view name) const;
    bool is_or_derives_from(const TypeDef* other) const;
    // Every name the type answers to (views of the names in the properties), grouped by a hash of
    // the name: bucket b holds byName[bucketStarts[b], bucketStarts[b + 1]), in the order the names
    // were added, so a lookup hashes once and compares about one name. Two flat vectors a type: a
    // hash map per type made a Graph version's load twice as slow.
    std::vector<NamedProperty> byName;
    std::vector<uint32_t> bucketStarts;
    void index_names();  // groups byName once it is filled
    // The names byName holds more than once, one entry per repeat, sorted.
    std::vector<std::string_view> repeated_names() const;
};

// A property name's hash from its length and its first and last eight bytes: a few instructions
// for any name, and names of one type seldom share all three.
inline uint32_t name_hash(std::string_view name) {
    const char* p = name.data();
    const size_t n = name.size();
    uint64_t head = 0, tail = 0;
    if (n >= 8) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {
        uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        head = first;
        tail = last;
    } else if (n > 0) {
        head =
            static_cast<unsigned char>(p[0]) | (static_cast<unsigned char>(p[n / 2]) << 8) | (static_cast<unsigned char>(p[n - 1]) << 16);
    }
    const uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ ((tail + n) * 0xC2B2AE3D27D4EB4Full);
    return static_cast<uint32_t>(h ^ (h >> 32));
}

// Inline: the validator asks once for every member of a body.
inline const TypeDef::NamedProperty* TypeDef::named_property(std::string_view name) const {
    if (bucketStarts.empty()) return nullptr;
    const size_t bucket = name_hash(name) & (bucketStarts.size() - 2);
    for (uint32_t i = bucketStarts[bucket], end = bucketStarts[bucket + 1]; i < end; ++i)
        if (same_text(byName[i].first, name)) return &byName[i];
    return nullptr;
}

struct EnumDef {
    std::string name;
    std::string shortName;
    std::vector<std::string> members;
    bool flags = false;  // IsFlags: a value is a comma-separated list of members
    bool has(std::string_view member) const;
};

// An entity set or a singleton of the entity container.
struct EntitySet {
    std::string name;  // incidents
    std::string path;  // /incidents
    std::string typeName;
    bool collection = true;                                      // false for a singleton
    bool insertable = true, updatable = true, deletable = true;  // Capabilities restrictions
    const TypeDef* type = nullptr;
};

// A bound or unbound action or function; its non-binding parameters form a complex type, so a
// body is checked like any other object.
struct ActionDef {
    std::string name;           // updateStatus
    std::string qualifiedName;  // microsoft.graph.updateStatus
    bool function = false;
    bool bound = false;
    std::string bindingTypeName;
    bool bindingCollection = false;
    const TypeDef* bindingType = nullptr;
    TypeDef parameters;  // a complex type named "<name> parameters"
    std::vector<std::string> requiredParameters;
    bool returns = false;
    PropertyDef returnValue;  // type and collection-ness of the result

    // A non-binding parameter: also known by its docs spelling ("message" for "Message"), and
    // required unless nullable or optional.
    void add_parameter(PropertyDef param);
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

enum class OperationKind { Create, Read, List, Update, Replace, Delete, Action, Function, Reference, Media, Count, PropertyRead };

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
    bool curated = false;    // an operation of the overlay (with an id of its own), not only resolved
    std::vector<std::string> minimal;
    nlohmann::ordered_json docsExample;
    std::vector<ExpectedFinding> docsExampleFindings;
    // Resolved from METHOD + URL (operations of the overlay have them too, once resolved).
    OperationKind kind = OperationKind::Update;
    std::string bodyKind = "entity";       // entity | parameters | reference | binary | none
    std::string responseShape = "entity";  // entity | collection | value | none | binary | count
    std::vector<int> statuses;             // every legitimate success status; responseStatus first
    const ActionDef* action = nullptr;
    std::string permissionsSource;  // "overlay", "reference" or "" when none is listed
    std::string baseUrl;            // the service root for another service's model; empty for Graph

    bool returns_collection() const { return responseShape == "collection"; }  // {"value": [...]}
    bool has_body() const { return bodyType && (method == "POST" || method == "PATCH" || method == "PUT"); }
    bool may_send(std::string_view property) const;
    // A body must name its type when the address is typed as a base of the body type.
    bool needs_odata_type() const { return bodyKind == "entity" && bodyType && addressType && bodyType != addressType; }
};

// What METHOD + URL came to: an operation, or why not (the segment at fault).
struct Resolution {
    const OperationDef* operation = nullptr;
    std::string problem;                                          // empty when resolved
    std::string segment;                                          // the segment the problem is about
    std::vector<std::pair<std::string, std::string>> parameters;  // key placeholders and their values
};

// Permission names per scheme, least privileged first.
struct PermissionSet {
    std::vector<std::string> delegatedWork, delegatedPersonal, application;
    bool found = false;
};

class Catalog {
public:
    // The Graph beta model with the overlay (what the seed operations use).
    static const Catalog& builtin();
    // A model by name: "beta", "v1.0", or one loaded with Catalog::load_named; null when unknown.
    static const Catalog* named(std::string_view name);
    // Loads CSDL (XML or JSON) as a model called `name`; returns the problem, empty on success.
    static std::string load_named(const std::string& name, std::string_view metadata, std::string_view serviceRoot = {});
    // Replaces a builtin Graph version's model with a whole model pack, as the page does.
    static std::string load_pack(const std::string& version, std::string_view pack);
    // Counts the models replaced so far: a model and the types and operations it held may be gone
    // once this has changed, so what refers to them is kept only together with this count.
    static uint64_t generation();
    // A model read from CSDL alone (no overlay, references not resolved): what a model pack holds.
    static std::string read_metadata_only(Catalog& into, std::string_view metadata);

    const std::string& name() const { return name_; }
    const std::string& urlVersion() const { return urlVersion_; }  // "beta", "v1.0", or "" for another service
    const std::string& host() const { return host_; }
    // The path of another service's root ("odata/v4" in https://example.com/odata/v4): URLs below it.
    std::string_view rootPath() const;
    // The namespace of the entity container: its actions are written without it in URLs.
    const std::string& defaultNamespace() const { return defaultNamespace_; }
    bool complete() const { return complete_; }  // false for the small model compiled into the page

    // Reads a CSDL JSON document into this model (csdl_model.cpp); problems are added to problems().
    void add_csdl(const nlohmann::ordered_json& csdl);
    // Graph's permissions reference for an operation (none for another service's model).
    PermissionSet permissions_for(std::string_view method, std::string_view pathTemplate) const;

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
    const EntitySet* container_member(std::string_view name) const;  // ignoring case
    // Actions and functions called `name` (short or qualified, ignoring case) bound to type (or a base).
    const ActionDef* bound_action(std::string_view name, const TypeDef* type, bool collection) const;
    std::vector<const ActionDef*> unbound_actions(std::string_view name) const;
    const std::vector<std::unique_ptr<ActionDef>>& actions() const { return actions_; }
    const std::map<std::string, TypeDef, std::less<>>& types() const { return types_; }
    const std::map<std::string, EnumDef, std::less<>>& enums() const { return enums_; }
    const std::map<std::string, std::string, std::less<>>& aliases() const { return aliases_; }
    // METHOD + path (after the version segment; a full URL is fine too) to an operation (resolver.cpp).
    Resolution resolve(std::string_view method, std::string_view path) const;
    // Operations found by path, type or action name (a bounded walk of the container).
    std::vector<const OperationDef*> search(std::string_view text, size_t limit) const;
    // Where the overlay and the metadata disagree, the metadata wins; each case is listed here.
    const std::vector<std::string>& overlay_notes() const { return overlayNotes_; }
    // Every type whose name matches ignoring case (to suggest a fix for a mis-cased @odata.type).
    const TypeDef* type_ignoring_case(std::string_view qualifiedName) const;

private:
    friend class CsdlModelBuilder;
    friend class ModelPackReader;
    friend class Resolver;
    static std::unique_ptr<Catalog> graph_model(const std::string& version, std::string_view pack, bool complete);
    void load_source(std::string_view source, const std::string& origin);
    void load_parsed(const nlohmann::ordered_json& doc, const std::string& origin);
    void load_document(const nlohmann::ordered_json& doc, const std::string& origin);
    void load_overlay_types(const nlohmann::ordered_json& types, const std::string& origin);
    void load_overlay_enums(const nlohmann::ordered_json& enums, const std::string& origin);
    void load_overlay_entity_sets(const nlohmann::ordered_json& sets);
    static std::unique_ptr<OperationDef> overlay_operation(const nlohmann::ordered_json& spec);
    static PropertyDef overlay_property(const std::string& name, const nlohmann::ordered_json& spec);
    static void apply_overlay_facts(PropertyDef& prop, const nlohmann::ordered_json& spec);
    void merge_overlay_type(TypeDef& type, const nlohmann::ordered_json& spec, const std::string& origin);
    void resolve();
    void link_base_types();
    void resolve_properties(std::vector<PropertyDef>& props, const std::string& owner);
    void resolve_property_types();
    void flatten_properties();
    void resolve_overlay_operations();

    std::map<std::string, TypeDef, std::less<>> types_;
    std::map<std::string, EnumDef, std::less<>> enums_;
    std::vector<std::unique_ptr<EntitySet>> entitySets_;
    std::vector<std::unique_ptr<OperationDef>> operations_;
    std::vector<std::unique_ptr<ActionDef>> actions_;
    std::multimap<std::string, const ActionDef*, std::less<>> actionsByName_;  // lower-case short name
    std::vector<std::string> problems_;
    std::vector<std::string> overlayNotes_;
    // Registers a read action under its lower-case short name (for URL segments, which ignore case).
    void add_action(std::unique_ptr<ActionDef> action);
    // Keeps a resolved operation (or returns the one already made for that METHOD and path).
    const OperationDef* remember(std::unique_ptr<OperationDef> op) const;

    std::string defaultNamespace_ = "microsoft.graph";
    std::map<std::string, std::string, std::less<>> aliases_;  // alias -> namespace
    std::string name_ = "beta", urlVersion_ = "beta", host_ = "https://graph.microsoft.com";
    bool complete_ = false;
    bool hasMetadata_ = false;
    bool overlayResolved_ = false;
    bool usesGraphPermissions_ = false;  // until then a resolution never stands in for an overlay operation
    // Operations resolved from METHOD + URL, made once each (keyed by METHOD and path template).
    mutable std::map<std::string, std::unique_ptr<OperationDef>, std::less<>> resolved_;
    mutable std::vector<std::unique_ptr<OperationDef>> overlayScratch_;
};

// Graph's permissions reference (its JSON, or the compact form gpb_pack makes) in place of the one
// compiled in; returns the problem, empty on success. Operations resolved before keep what they had.
std::string load_permissions(std::string_view json);
bool permissions_loaded();

// The text of a model pack compiled into this binary: "beta", "v1.0", "seed" (the small beta
// model the page starts with), "permissions"; empty when this build has none.
std::string_view embedded_pack(std::string_view name);

std::string short_type_name(std::string_view qualifiedName);

}  // namespace gpb
