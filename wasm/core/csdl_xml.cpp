// CSDL XML -> CSDL JSON with expat. Each open element has a frame holding the JSON it builds;
// when the element closes, its value is moved into its parent's frame.
#include "csdl_xml.hpp"

#include <expat.h>

#include <cstring>
#include <limits>
#include <unordered_map>
#include <vector>

namespace gpb {

// Ordered, as declared; one JSON type across the core keeps the wasm small (Graph-sized CSDL goes
// through model packs, not through here, on the page).
using ojson = nlohmann::ordered_json;

namespace {

enum class Element {
    Other,
    Schema,
    EnumType,
    Member,
    StructuredType,
    Key,
    PropertyRef,
    Property,
    NavigationProperty,
    Operation,
    Parameter,
    ReturnType,
    EntityContainer,
    EntitySet,
    Singleton,
    OperationImport,
    TypeDefinition,
    Annotations,
    Annotation,
    Record,
    PropertyValue,
    EnumMember,
    String,
};

struct Frame {
    Element element = Element::Other;
    std::string name;  // the Name attribute, or the Term of an annotation
    ojson value;       // what this element contributes to its parent
    std::string text;  // character data (EnumMember, String)
    // Operations keep their overloads in one array per name; the index avoids a linear lookup.
    std::unordered_map<std::string, size_t> overloadIndex;
};

std::string_view local_name(const char* qualified) {
    std::string_view name(qualified);
    size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

Element element_of(std::string_view name) {
    static const std::unordered_map<std::string_view, Element> elements = {
        {"Schema", Element::Schema},
        {"EnumType", Element::EnumType},
        {"Member", Element::Member},
        {"EntityType", Element::StructuredType},
        {"ComplexType", Element::StructuredType},
        {"Key", Element::Key},
        {"PropertyRef", Element::PropertyRef},
        {"Property", Element::Property},
        {"NavigationProperty", Element::NavigationProperty},
        {"Action", Element::Operation},
        {"Function", Element::Operation},
        {"Parameter", Element::Parameter},
        {"ReturnType", Element::ReturnType},
        {"EntityContainer", Element::EntityContainer},
        {"EntitySet", Element::EntitySet},
        {"Singleton", Element::Singleton},
        {"ActionImport", Element::OperationImport},
        {"FunctionImport", Element::OperationImport},
        {"TypeDefinition", Element::TypeDefinition},
        {"Annotations", Element::Annotations},
        {"Annotation", Element::Annotation},
        {"Record", Element::Record},
        {"PropertyValue", Element::PropertyValue},
        {"EnumMember", Element::EnumMember},
        {"String", Element::String},
    };
    auto it = elements.find(name);
    return it == elements.end() ? Element::Other : it->second;
}

const char* attribute(const char** attributes, const char* name) {
    for (size_t i = 0; attributes[i]; i += 2)
        if (std::strcmp(attributes[i], name) == 0) return attributes[i + 1];
    return nullptr;
}

bool is_true(const char* value) { return value && std::strcmp(value, "true") == 0; }

// "Collection(X)" -> X with $Collection; the type member is left out for Edm.String as CSDL JSON does.
void put_type(ojson& target, const char* type) {
    if (!type) return;
    std::string_view t(type);
    if (t.size() > 12 && t.substr(0, 11) == "Collection(" && t.back() == ')') {
        target["$Collection"] = true;
        t = t.substr(11, t.size() - 12);
    }
    target["$Type"] = std::string(t);
}

// XML's Nullable defaults to true, CSDL JSON's $Nullable to false: write it whenever it is true.
void put_nullable(ojson& target, const char** attributes, bool defaultValue) {
    const char* nullable = attribute(attributes, "Nullable");
    bool value = nullable ? is_true(nullable) : defaultValue;
    if (value) target["$Nullable"] = true;
}

void put_facets(ojson& target, const char** attributes) {
    for (const char* facet : {"MaxLength", "Precision", "Scale", "DefaultValue", "SRID"}) {
        const char* v = attribute(attributes, facet);
        if (!v) continue;
        std::string key = std::string("$") + facet;
        char* end = nullptr;
        long long number = std::strtoll(v, &end, 10);
        if (*v && end && *end == '\0' && std::strcmp(facet, "DefaultValue") != 0) target[key] = number;
        else target[key] = v;
    }
}

// What an element opens with, as CSDL JSON has it; elements whose opening says more than one line.
ojson open_enum_type(const char** attributes) {
    ojson v = {{"$Kind", "EnumType"}};
    if (is_true(attribute(attributes, "IsFlags"))) v["$IsFlags"] = true;
    if (const char* u = attribute(attributes, "UnderlyingType")) v["$UnderlyingType"] = u;
    return v;
}

ojson open_structured_type(std::string_view tag, const char** attributes) {
    ojson v = {{"$Kind", std::string(tag)}};
    if (const char* base = attribute(attributes, "BaseType")) v["$BaseType"] = base;
    for (const char* flag : {"Abstract", "OpenType", "HasStream"})
        if (is_true(attribute(attributes, flag))) v[std::string("$") + flag] = true;
    return v;
}

ojson open_property(const char** attributes) {
    ojson v = ojson::object();
    put_type(v, attribute(attributes, "Type"));
    put_nullable(v, attributes, true);
    put_facets(v, attributes);
    return v;
}

ojson open_navigation_property(const char** attributes) {
    ojson v = {{"$Kind", "NavigationProperty"}};
    put_type(v, attribute(attributes, "Type"));
    if (!v.contains("$Collection")) put_nullable(v, attributes, true);
    if (is_true(attribute(attributes, "ContainsTarget"))) v["$ContainsTarget"] = true;
    if (const char* partner = attribute(attributes, "Partner")) v["$Partner"] = partner;
    return v;
}

ojson open_operation(std::string_view tag, const char** attributes) {
    ojson v = {{"$Kind", std::string(tag)}};
    if (is_true(attribute(attributes, "IsBound"))) v["$IsBound"] = true;
    if (is_true(attribute(attributes, "IsComposable"))) v["$IsComposable"] = true;
    return v;
}

ojson open_parameter(const char* name, const char** attributes) {
    ojson v = {{"$Name", name ? name : ""}};
    put_type(v, attribute(attributes, "Type"));
    put_nullable(v, attributes, true);
    put_facets(v, attributes);
    return v;
}

ojson open_return_type(const char** attributes) {
    ojson v = ojson::object();
    put_type(v, attribute(attributes, "Type"));
    put_nullable(v, attributes, true);
    return v;
}

ojson open_operation_import(const char** attributes) {
    ojson v = ojson::object();
    if (const char* a = attribute(attributes, "Action")) v["$Action"] = a;
    if (const char* f = attribute(attributes, "Function")) v["$Function"] = f;
    if (const char* set = attribute(attributes, "EntitySet")) v["$EntitySet"] = set;
    return v;
}

// An annotation is named by its term and valued by its one value attribute.
ojson open_annotation(Frame& frame, const char** attributes) {
    frame.name = attribute(attributes, "Term") ? attribute(attributes, "Term") : "";
    if (const char* b = attribute(attributes, "Bool")) return is_true(b);
    if (const char* s = attribute(attributes, "String")) return s;
    if (const char* e = attribute(attributes, "EnumMember")) return e;
    if (const char* i = attribute(attributes, "Int")) return std::strtoll(i, nullptr, 10);
    return true;  // a tag without a value: the term's default (true for Core.Computed and the like)
}

ojson open_property_value(Frame& frame, const char** attributes) {
    frame.name = attribute(attributes, "Property") ? attribute(attributes, "Property") : "";
    if (const char* b = attribute(attributes, "Bool")) return is_true(b);
    if (const char* s = attribute(attributes, "String")) return s;
    return ojson();
}

class Reader {
public:
    Reader(const CsdlLimits& limits) : limits_(limits) {
        parser_ = XML_ParserCreate("UTF-8");
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &Reader::on_start, &Reader::on_end);
        XML_SetCharacterDataHandler(parser_, &Reader::on_text);
        // No DOCTYPE at all: so no entity can be declared, expanded or fetched.
        XML_SetStartDoctypeDeclHandler(parser_, &Reader::on_doctype);
        XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
        frames_.push_back(Frame{});  // the document: its value becomes the CSDL JSON
        frames_.back().value = ojson::object();
    }
    ~Reader() { XML_ParserFree(parser_); }

    CsdlText read(std::string_view text) {
        CsdlText out;
        if (XML_Parse(parser_, text.data(), static_cast<int>(text.size()), XML_TRUE) == XML_STATUS_ERROR) {
            out.problem = problem_.empty() ? std::string("not well-formed XML: ") + XML_ErrorString(XML_GetErrorCode(parser_)) : problem_;
            out.problem += " (line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ")";
            return out;
        }
        if (!sawEdmx_) {
            out.problem = "not a CSDL document: the root element is not edmx:Edmx";
            return out;
        }
        out.csdl = std::move(frames_.front().value);
        out.ok = true;
        return out;
    }

private:
    static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        static_cast<Reader*>(self)->stop("a DOCTYPE is not allowed in CSDL (entities are never expanded)");
    }
    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
        static_cast<Reader*>(self)->start(local_name(name), attributes);
    }
    static void XMLCALL on_end(void* self, const XML_Char*) {
        Reader* reader = static_cast<Reader*>(self);
        std::string name = reader->frames_.back().name;
        try {
            reader->end();
        } catch (const ojson::exception&) {
            // Content of one kind where CSDL has another (a member valued by a string, a property
            // named like an operation): said, and never thrown through the C parser.
            reader->stop("\"" + name + "\" holds a different kind of content than CSDL allows there");
        }
    }
    static void XMLCALL on_text(void* self, const XML_Char* s, int length) {
        Reader* reader = static_cast<Reader*>(self);
        Element e = reader->frames_.back().element;
        if (e == Element::EnumMember || e == Element::String) reader->frames_.back().text.append(s, static_cast<size_t>(length));
    }

    void stop(const std::string& problem) {
        if (problem_.empty()) problem_ = problem;
        XML_StopParser(parser_, XML_FALSE);
    }

    void start(std::string_view tag, const char** attributes) {
        if (frames_.size() > limits_.maxDepth) return stop("elements nest deeper than " + std::to_string(limits_.maxDepth) + " levels");
        if (frames_.size() == 1) {
            if (tag != "Edmx") return stop("not a CSDL document: the root element is <" + std::string(tag) + ">");
            sawEdmx_ = true;
            const char* version = attribute(attributes, "Version");
            frames_.front().value["$Version"] = version ? version : "4.0";
        }
        Frame frame;
        frame.element = element_of(tag);
        const char* name = attribute(attributes, "Name");
        if (name) frame.name = name;
        ojson& v = frame.value;
        switch (frame.element) {
            case Element::Schema: v = open_schema(frame, attributes); break;
            case Element::EnumType:
                v = open_enum_type(attributes);
                nextMemberValue_ = 0;
                break;
            case Element::Member: {
                const char* value = attribute(attributes, "Value");
                v = value ? ojson(std::strtoll(value, nullptr, 10)) : ojson(nullptr);
                break;
            }
            case Element::StructuredType: v = open_structured_type(tag, attributes); break;
            case Element::Key: v = ojson::array(); break;
            case Element::PropertyRef: v = name ? ojson(name) : ojson(); break;
            case Element::Property: v = open_property(attributes); break;
            case Element::NavigationProperty: v = open_navigation_property(attributes); break;
            case Element::Operation: v = open_operation(tag, attributes); break;
            case Element::Parameter: v = open_parameter(name, attributes); break;
            case Element::ReturnType: v = open_return_type(attributes); break;
            case Element::EntityContainer: v = {{"$Kind", "EntityContainer"}}; break;
            case Element::EntitySet:
                v = {{"$Collection", true}, {"$Type", attribute(attributes, "EntityType") ? attribute(attributes, "EntityType") : ""}};
                break;
            case Element::Singleton: v = {{"$Type", attribute(attributes, "Type") ? attribute(attributes, "Type") : ""}}; break;
            case Element::OperationImport: v = open_operation_import(attributes); break;
            case Element::TypeDefinition:
                v = {{"$Kind", "TypeDefinition"}};
                if (const char* u = attribute(attributes, "UnderlyingType")) v["$UnderlyingType"] = u;
                break;
            case Element::Annotations:
                frame.name = attribute(attributes, "Target") ? attribute(attributes, "Target") : "";
                v = ojson::object();
                break;
            case Element::Annotation: v = open_annotation(frame, attributes); break;
            case Element::Record: v = ojson::object(); break;
            case Element::PropertyValue: v = open_property_value(frame, attributes); break;
            default: break;
        }
        frames_.push_back(std::move(frame));
    }

    // A schema is named by its namespace, which the types in it belong to.
    ojson open_schema(Frame& frame, const char** attributes) {
        frame.name = attribute(attributes, "Namespace") ? attribute(attributes, "Namespace") : "";
        currentNamespace_ = frame.name;
        ojson v = ojson::object();
        if (const char* alias = attribute(attributes, "Alias")) v["$Alias"] = alias;
        return v;
    }

    // An element closes: its value goes where CSDL JSON keeps it in its parent's.
    void end() {
        Frame frame = std::move(frames_.back());
        frames_.pop_back();
        Frame& parent = frames_.back();
        ojson& into = parent.value;
        switch (frame.element) {
            case Element::Schema:
                // Schemas sit under edmx:DataServices; they are members of the document itself.
                if (!frame.name.empty()) frames_.front().value[frame.name] = std::move(frame.value);
                return;
            case Element::EntityContainer: return end_container(frame, parent);
            case Element::EnumType:
            case Element::StructuredType:
            case Element::TypeDefinition: return end_type(frame, parent);
            case Element::Property:
            case Element::NavigationProperty:
            case Element::EntitySet:
            case Element::Singleton:
            case Element::OperationImport:
                if (into.is_object() && !frame.name.empty()) into[frame.name] = std::move(frame.value);
                return;
            case Element::Member: return end_member(frame, into);
            case Element::Key:
                if (into.is_object()) into["$Key"] = std::move(frame.value);
                return;
            case Element::PropertyRef:
                if (into.is_array() && frame.value.is_string()) into.push_back(std::move(frame.value));
                return;
            case Element::Operation: return end_operation(frame, parent);
            case Element::Parameter:
                if (into.is_object()) into["$Parameter"].push_back(std::move(frame.value));
                return;
            case Element::ReturnType:
                if (into.is_object()) into["$ReturnType"] = std::move(frame.value);
                return;
            case Element::Annotations:
                if (into.is_object() && !frame.name.empty()) {
                    ojson& all = into["$Annotations"][frame.name];
                    for (auto& [term, value] : frame.value.items()) all[term] = value;
                }
                return;
            case Element::Annotation:
                if (into.is_object() && !frame.name.empty()) into["@" + frame.name] = std::move(frame.value);
                return;
            case Element::Record: parent.value = std::move(frame.value); return;
            case Element::PropertyValue:
                if (into.is_object() && !frame.name.empty()) into[frame.name] = std::move(frame.value);
                return;
            case Element::EnumMember:
            case Element::String:
                // <Annotation Term="Core.Permissions"><EnumMember>Core.Permission/Read</EnumMember></Annotation>
                parent.value = frame.text;
                return;
            case Element::Other: return;
        }
    }

    void end_container(Frame& frame, Frame& parent) {
        ojson& into = parent.value;
        if (!into.is_object() || frame.name.empty()) return;
        if (into.contains(frame.name)) return stop("\"" + frame.name + "\" is declared twice in " + parent.name);
        frames_.front().value["$EntityContainer"] = currentNamespace_ + "." + frame.name;
        into[frame.name] = std::move(frame.value);
    }

    // Graph names a type and a function alike ("image"); CSDL JSON cannot, so such operations move
    // to "$Operations" (which csdl_model.cpp reads too).
    void end_type(Frame& frame, Frame& parent) {
        ojson& into = parent.value;
        if (!into.is_object() || frame.name.empty()) return;
        if (auto clash = into.find(frame.name); clash != into.end() && clash->is_array()) {
            into["$Operations"][frame.name] = std::move(*clash);
            parent.overloadIndex.erase(frame.name);
        } else if (clash != into.end()) {
            return stop("\"" + frame.name + "\" is declared twice in " + parent.name);
        }
        into[frame.name] = std::move(frame.value);
    }

    // A member without Value takes the next number, as CSDL says; past the largest Int64 there is
    // none, and the next member keeps the largest (a hostile file must not overflow it).
    void end_member(Frame& frame, ojson& into) {
        if (!into.is_object() || frame.name.empty()) return;
        if (frame.value.is_null()) frame.value = nextMemberValue_;
        const long long value = frame.value.get<long long>();
        nextMemberValue_ = value == std::numeric_limits<long long>::max() ? value : value + 1;
        into[frame.name] = std::move(frame.value);
    }

    // Overloads share one array per name; a name a type already has goes to "$Operations".
    void end_operation(Frame& frame, Frame& parent) {
        ojson& into = parent.value;
        if (!into.is_object() || frame.name.empty()) return;
        if (parent.overloadIndex.count(frame.name)) {
            into[frame.name].push_back(std::move(frame.value));
        } else if (into.contains(frame.name) || (into.contains("$Operations") && into["$Operations"].contains(frame.name))) {
            into["$Operations"][frame.name].push_back(std::move(frame.value));
        } else {
            into[frame.name] = ojson::array({std::move(frame.value)});
            parent.overloadIndex.emplace(frame.name, 0);
        }
    }

    XML_Parser parser_;
    const CsdlLimits& limits_;
    std::vector<Frame> frames_;
    std::string problem_;
    bool sawEdmx_ = false;
    long long nextMemberValue_ = 0;
    std::string currentNamespace_;
};

}  // namespace

CsdlText read_csdl_xml(std::string_view text, const CsdlLimits& limits) {
    if (text.size() > limits.maxBytes) {
        CsdlText out;
        out.problem = "the metadata is " + std::to_string(text.size()) + " bytes; at most " + std::to_string(limits.maxBytes) + " are read";
        return out;
    }
    Reader reader(limits);
    return reader.read(text);
}

}  // namespace gpb
