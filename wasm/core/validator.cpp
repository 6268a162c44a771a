#include "validator.hpp"

#include <algorithm>

#include "source_locator.hpp"
#include "suggest.hpp"

namespace gpb {

namespace {

constexpr int64_t kInt32Min = -2147483648LL;
constexpr int64_t kInt32Max = 2147483647LL;

const char* primitive_label(Primitive p) {
    switch (p) {
        case Primitive::String: return "a string (Edm.String)";
        case Primitive::Int32: return "an integer (Edm.Int32)";
        case Primitive::Int64: return "an integer (Edm.Int64)";
        case Primitive::Double: return "a number (Edm.Double)";
        case Primitive::Boolean: return "true or false (Edm.Boolean)";
        case Primitive::DateTimeOffset: return "a date-time string (Edm.DateTimeOffset)";
        case Primitive::Guid: return "a GUID string (Edm.Guid)";
        case Primitive::Untyped: return "any JSON value";
        case Primitive::None: break;
    }
    return "a value";
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits_value(std::string_view s, size_t at, size_t count, bool& ok) {
    int value = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (i >= s.size() || !is_digit(s[i])) { ok = false; return 0; }
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += separator;
        out += items[i];
    }
    return out;
}

bool is_response_annotation(std::string_view key) {
    return key.rfind("@odata.", 0) == 0 || key.find('.') != std::string_view::npos;
}

enum class ObjectRole { Body, Complex, ExpandedEntity };

class Validator {
public:
    Validator(const Catalog& catalog, const OperationDef& op, Direction direction, const JsonDocument& doc, Diagnostics& out)
        : catalog_(catalog), op_(op), request_(direction == Direction::Request), doc_(doc), out_(out) {}

    void check_body() {
        if (!doc_.complete || doc_.nodes.empty()) return;
        const JsonNode& root = doc_.root();
        if (root.kind != NodeKind::Object) {
            add(Severity::Error, "body-not-object", "", root.begin, root.end,
                std::string("The body must be a JSON object, but it is ") + node_kind_name(root.kind) + ".");
            return;
        }
        const TypeDef* declared = request_ ? op_.bodyType : op_.responseType;
        if (!declared) return;
        if (!request_ && !declared->property("value")) {
            if (const JsonNode* envelope = doc_.member(root, "value")) {
                add(Severity::Error, "value-envelope", "/value", envelope->keyBegin, envelope->keyEnd,
                    "This operation returns a single " + declared->shortName +
                        ", not a collection: the response body is the object itself, without a {\"value\": [...]} wrapper.");
                if (envelope->kind == NodeKind::Array)
                    for (size_t i = 0; i < envelope->children.size(); ++i) {
                        const JsonNode& item = doc_.at(envelope->children[i]);
                        if (item.kind == NodeKind::Object) check_object(item, declared, pointer_append("/value", i), ObjectRole::Body);
                    }
                return;
            }
        }
        check_object(root, declared, "", ObjectRole::Body);
    }

private:
    void add(Severity severity, const char* code, const std::string& pointer, uint32_t begin, uint32_t end,
             std::string message, const std::string* suggestion = nullptr) {
        Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.pointer = pointer;
        d.begin = begin;
        d.end = end;
        d.message = std::move(message);
        if (suggestion) {
            d.suggestion = *suggestion;
            d.hasSuggestion = true;
        }
        out_.push_back(std::move(d));
    }

    void add_at_key(Severity severity, const char* code, const std::string& pointer, const JsonNode& member,
                    std::string message, const std::string* suggestion = nullptr) {
        add(severity, code, pointer, member.keyBegin, member.keyEnd, std::move(message), suggestion);
    }

    void add_at_value(Severity severity, const char* code, const std::string& pointer, const JsonNode& value,
                      std::string message, const std::string* suggestion = nullptr) {
        add(severity, code, pointer, value.begin, value.end, std::move(message), suggestion);
    }

    // Findings about an object as a whole point at its opening brace.
    void add_at_brace(Severity severity, const char* code, const std::string& pointer, const JsonNode& object,
                      std::string message, const std::string* suggestion = nullptr) {
        add(severity, code, pointer, object.begin, object.begin + 1, std::move(message), suggestion);
    }

    void check_object(const JsonNode& object, const TypeDef* declared, const std::string& pointer, ObjectRole role) {
        const TypeDef* type = declared;
        const JsonNode* typeMember = doc_.member(object, "@odata.type");
        if (typeMember) {
            type = check_odata_type(*typeMember, declared, pointer_append(pointer, "@odata.type"));
        } else if (role == ObjectRole::Body && request_ && op_.needs_odata_type()) {
            std::string fix = std::string("{") + (object.children.empty() ? "" : "\n  ") + "\"@odata.type\": " +
                              json_quote("#" + op_.bodyType->name) + (object.children.empty() ? "" : ",");
            add_at_brace(Severity::Error, "odata-type-missing", pointer, object,
                         op_.path + " is typed as " + op_.addressType->shortName + ", so a " + op_.bodyType->shortName +
                             " body must say \"@odata.type\": \"#" + op_.bodyType->name + "\".",
                         &fix);
        } else if (declared->abstract && !declared->entity) {
            std::vector<std::string> options;
            for (const TypeDef* d : declared->derived) options.push_back("#" + d->name);
            add_at_brace(Severity::Error, "odata-type-missing", pointer, object,
                         declared->shortName + " is abstract: name the kind of value with \"@odata.type\" (" +
                             join(options, ", ") + ").");
        }

        size_t sentProperties = 0;
        for (uint32_t childIndex : object.children) {
            const JsonNode& member = doc_.at(childIndex);
            const std::string& key = member.key;
            if (key == "@odata.type") continue;
            std::string memberPointer = pointer_append(pointer, key);
            if (!key.empty() && key[0] == '@') {
                if (request_ && is_response_annotation(key))
                    add_at_key(Severity::Warning, "unknown-property", memberPointer, member,
                               "The annotation " + json_quote(key) + " belongs in responses; the service ignores it in a request body.");
                continue;
            }
            size_t at = key.find('@');
            if (at != std::string::npos) {
                std::string target = key.substr(0, at);
                if (!type->property(target) && !type->open)
                    add_at_key(Severity::Error, "unknown-property", memberPointer, member,
                               "The annotation " + json_quote(key) + " refers to " + json_quote(target) +
                                   ", which is not a property of " + type->shortName + ".");
                continue;
            }
            ++sentProperties;
            const PropertyDef* prop = type->property(key);
            if (!prop) {
                report_unknown_property(member, memberPointer, type, declared);
                continue;
            }
            if (request_) {
                if (prop->navigation) {
                    add_at_key(Severity::Error, "navigation-inline", memberPointer, member,
                               json_quote(key) + " is a navigation property of " + type->shortName +
                                   " (a relationship, not a field): it cannot be written inline in a request body.");
                    continue;
                }
                if (prop->readOnly) {
                    add_at_key(Severity::Error, "read-only", memberPointer, member,
                               json_quote(key) + " is read-only: the service sets it and rejects it in a request body.");
                    continue;
                }
                if (role == ObjectRole::Body && !op_.may_send(key)) {
                    add_at_key(Severity::Error, "not-updatable", memberPointer, member,
                               json_quote(key) + " cannot be changed by this operation; it accepts only " +
                                   join(op_.updatable, ", ") + ".");
                    continue;
                }
                if (prop->serverAssigned)
                    add_at_key(Severity::Warning, "server-assigned", memberPointer, member,
                               json_quote(key) + " is assigned by the service (or taken from the token); a value sent here is ignored or rejected.");
            }
            check_value(member, *prop, memberPointer);
        }

        if (role == ObjectRole::Body && request_) {
            for (const auto& name : op_.required) {
                if (doc_.member(object, name)) continue;
                add_at_brace(Severity::Error, "missing-required", pointer, object,
                             "The body is missing " + json_quote(name) + ", which " + op_.title + " requires.");
            }
            if (op_.method == "PATCH" && sentProperties == 0)
                add_at_brace(Severity::Warning, "empty-body", pointer, object,
                             "This PATCH changes nothing: the body sets no property.");
        }
        if (role == ObjectRole::Complex) {
            for (const PropertyDef* prop : type->properties) {
                if (prop->nullable || prop->collection || doc_.member(object, prop->name)) continue;
                add_at_brace(Severity::Error, "missing-required", pointer, object,
                             "This " + type->shortName + " is missing " + json_quote(prop->name) +
                                 ", which cannot be null: a " + type->shortName + " that is sent must contain it.");
            }
        }
    }

    void report_unknown_property(const JsonNode& member, const std::string& pointer, const TypeDef* type, const TypeDef* declared) {
        std::vector<std::string_view> names;
        for (const PropertyDef* p : type->properties) names.push_back(p->name);
        std::string near = nearest_name(member.key, names);
        std::string fix = near.empty() ? std::string() : json_quote(near);
        const std::string* suggestion = near.empty() ? nullptr : &fix;
        std::string hint = near.empty() ? "" : " Did you mean " + json_quote(near) + "?";
        if (type->open) {
            add_at_key(Severity::Warning, "unknown-property", pointer, member,
                       json_quote(member.key) + " is not a declared property of " + type->shortName + "; " +
                           type->shortName + " is an open type, so it is sent as a dynamic property." + hint,
                       suggestion);
            return;
        }
        if (type->partial) {
            add_at_key(Severity::Warning, "unknown-property", pointer, member,
                       json_quote(member.key) + " is not among the properties of " + type->shortName +
                           " that this tool models, so it was not checked." + hint,
                       suggestion);
            return;
        }
        if (const TypeDef* owner = find_in_subtypes(declared, member.key); owner && type == declared) {
            add_at_key(Severity::Error, "unknown-property", pointer, member,
                       json_quote(member.key) + " belongs to " + owner->shortName + ", not to " + type->shortName +
                           ": name the type with \"@odata.type\": \"#" + owner->name + "\".");
            return;
        }
        add_at_key(Severity::Error, "unknown-property", pointer, member,
                   json_quote(member.key) + " is not a property of " + type->shortName + "." + hint, suggestion);
    }

    const TypeDef* find_in_subtypes(const TypeDef* type, const std::string& name) const {
        for (const TypeDef* sub : type->derived) {
            if (sub->property(name)) return sub;
            if (const TypeDef* deeper = find_in_subtypes(sub, name)) return deeper;
        }
        return nullptr;
    }

    const TypeDef* check_odata_type(const JsonNode& value, const TypeDef* declared, const std::string& pointer) {
        if (value.kind != NodeKind::String) {
            add_at_value(Severity::Error, "type-mismatch", pointer, value,
                         std::string("\"@odata.type\" must be a string such as \"#") + declared->name + "\", not " +
                             node_kind_name(value.kind) + ".");
            return declared;
        }
        const std::string& written = value.text;
        bool hasHash = !written.empty() && written[0] == '#';
        std::string name = hasHash ? written.substr(1) : written;
        const TypeDef* named = catalog_.type(name);
        if (!named) {
            const TypeDef* near = catalog_.type_ignoring_case(name);
            if (near) {
                std::string fix = json_quote("#" + near->name);
                add_at_value(Severity::Error, "odata-type-unknown", pointer, value,
                             json_quote(written) + " names no type: type names are case-sensitive. Did you mean " + fix + "?", &fix);
            } else {
                add_at_value(Severity::Error, "odata-type-unknown", pointer, value,
                             json_quote(written) + " names no known type; " + declared->shortName + " is expected here.");
            }
            return declared;
        }
        if (!named->is_or_derives_from(declared)) {
            std::string fix = json_quote("#" + declared->name);
            add_at_value(Severity::Error, "odata-type-mismatch", pointer, value,
                         json_quote(written) + " is not " + declared->shortName + " or a type derived from it.",
                         declared->abstract ? nullptr : &fix);
            return declared;
        }
        if (named->abstract) {
            add_at_value(Severity::Error, "odata-type-mismatch", pointer, value,
                         named->shortName + " is abstract: name a concrete type derived from it.");
            return named;
        }
        if (!hasHash) {
            std::string fix = json_quote("#" + written);
            add_at_value(Severity::Warning, "odata-type-format", pointer, value,
                         "\"@odata.type\" values start with '#': write " + fix + ".", &fix);
        }
        return named;
    }

    std::string type_label(const PropertyDef& prop) const {
        if (prop.structured) return "an object (" + prop.structured->shortName + ")";
        if (prop.enumeration) return "a string naming a member of " + prop.enumeration->shortName;
        return primitive_label(prop.primitive);
    }

    void check_value(const JsonNode& value, const PropertyDef& prop, const std::string& pointer) {
        if (value.kind == NodeKind::Null) {
            if (prop.collection || !prop.nullable)
                add_at_value(Severity::Error, "null-not-allowed", pointer, value,
                             json_quote(prop.name) + " cannot be null" +
                                 (prop.collection ? std::string(" (collections are never null: send [] instead)")
                                                  : std::string(": leave it out or give ") + type_label(prop)) + ".");
            return;
        }
        if (!prop.collection) {
            check_single(value, prop, pointer);
            return;
        }
        if (value.kind != NodeKind::Array) {
            add_at_value(Severity::Error, "type-mismatch", pointer, value,
                         json_quote(prop.name) + " is a collection: expected an array of " + item_label(prop) + ", found " +
                             node_kind_name(value.kind) + ".");
            return;
        }
        for (size_t i = 0; i < value.children.size(); ++i) {
            const JsonNode& item = doc_.at(value.children[i]);
            std::string itemPointer = pointer_append(pointer, i);
            if (item.kind == NodeKind::Null)
                add_at_value(Severity::Error, "null-not-allowed", itemPointer, item,
                             "Items of " + json_quote(prop.name) + " cannot be null.");
            else
                check_single(item, prop, itemPointer);
        }
    }

    std::string item_label(const PropertyDef& prop) const {
        if (prop.structured) return prop.structured->shortName + " objects";
        if (prop.enumeration) return prop.enumeration->shortName + " members";
        return "values";
    }

    void mismatch(const JsonNode& value, const PropertyDef& prop, const std::string& pointer, const std::string* fix = nullptr) {
        add_at_value(Severity::Error, "type-mismatch", pointer, value,
                     json_quote(prop.name) + " expects " + type_label(prop) + ", found " + node_kind_name(value.kind) + ".", fix);
    }

    void check_single(const JsonNode& value, const PropertyDef& prop, const std::string& pointer) {
        if (prop.structured) {
            if (value.kind != NodeKind::Object) return mismatch(value, prop, pointer);
            check_object(value, prop.structured, pointer, prop.structured->entity ? ObjectRole::ExpandedEntity : ObjectRole::Complex);
            return;
        }
        if (prop.enumeration) {
            if (value.kind != NodeKind::String) return mismatch(value, prop, pointer);
            check_enum(value, prop, pointer);
            return;
        }
        switch (prop.primitive) {
            case Primitive::String:
            case Primitive::Guid:
                if (value.kind != NodeKind::String) {
                    std::string fix = json_quote(value.kind == NodeKind::Number ? value.text : value.boolValue ? "true" : "false");
                    bool quotable = value.kind == NodeKind::Number || value.kind == NodeKind::Boolean;
                    return mismatch(value, prop, pointer, quotable ? &fix : nullptr);
                }
                if (prop.maxLength >= 0 && utf16_length(value.text) > static_cast<uint64_t>(prop.maxLength))
                    add_at_value(Severity::Warning, "string-length", pointer, value,
                                 json_quote(prop.name) + " is " + std::to_string(utf16_length(value.text)) +
                                     " characters long; the documented maximum is " + std::to_string(prop.maxLength) + ".");
                return;
            case Primitive::Boolean:
                if (value.kind != NodeKind::Boolean) {
                    bool quoted = value.kind == NodeKind::String && (value.text == "true" || value.text == "false");
                    return mismatch(value, prop, pointer, quoted ? &value.text : nullptr);
                }
                return;
            case Primitive::Double:
                if (value.kind != NodeKind::Number) return mismatch(value, prop, pointer);
                return;
            case Primitive::Int32:
            case Primitive::Int64:
                check_integer(value, prop, pointer);
                return;
            case Primitive::DateTimeOffset: {
                if (value.kind != NodeKind::String) return mismatch(value, prop, pointer);
                std::string fix;
                std::string problem = datetime_problem(value.text, fix);
                if (problem.empty()) return;
                std::string quotedFix = json_quote(fix);
                add_at_value(Severity::Error, "datetime-format", pointer, value,
                             json_quote(value.text) + " is not an OData DateTimeOffset (YYYY-MM-DDThh:mm[:ss[.fffffff]] then Z or ±hh:mm): " +
                                 problem + ".",
                             fix.empty() ? nullptr : &quotedFix);
                return;
            }
            case Primitive::Untyped:
            case Primitive::None:
                return;
        }
    }

    void check_integer(const JsonNode& value, const PropertyDef& prop, const std::string& pointer) {
        if (value.kind == NodeKind::String) {
            bool digits = !value.text.empty() && value.text.size() < 20 &&
                          std::all_of(value.text.begin() + (value.text[0] == '-' ? 1 : 0), value.text.end(), is_digit) &&
                          value.text != "-";
            return mismatch(value, prop, pointer, digits ? &value.text : nullptr);
        }
        if (value.kind != NodeKind::Number) return mismatch(value, prop, pointer);
        if (!value.integerLiteral) {
            add_at_value(Severity::Error, "type-mismatch", pointer, value,
                         json_quote(prop.name) + " expects " + type_label(prop) + ", found " + value.text +
                             ": write a whole number without a fraction or exponent.");
            return;
        }
        bool int32 = prop.primitive == Primitive::Int32;
        if (!value.integerFits || (int32 && (value.intValue < kInt32Min || value.intValue > kInt32Max))) {
            add_at_value(Severity::Error, "int-range", pointer, value,
                         value.text + " does not fit in " + (int32 ? "Int32 (-2147483648 to 2147483647)" : "Int64") + ".");
            return;
        }
        if (prop.hasRange && (value.intValue < prop.rangeMin || value.intValue > prop.rangeMax))
            add_at_value(Severity::Warning, "range", pointer, value,
                         value.text + " is outside the documented range of " + json_quote(prop.name) + " (" +
                             std::to_string(prop.rangeMin) + " to " + std::to_string(prop.rangeMax) + ").");
    }

    void check_enum(const JsonNode& value, const PropertyDef& prop, const std::string& pointer) {
        const EnumDef& e = *prop.enumeration;
        if (e.has(value.text)) {
            if (request_ && value.text == "unknownFutureValue")
                add_at_value(Severity::Warning, "sentinel-value", pointer, value,
                             "unknownFutureValue marks members added to " + e.shortName +
                                 " later; it is not a real value and clients must not send it.");
            return;
        }
        std::vector<std::string_view> candidates;
        for (const auto& m : e.members)
            if (m != "unknownFutureValue") candidates.push_back(m);
        std::string near = nearest_name(value.text, candidates);
        std::string fix = json_quote(near);
        std::vector<std::string> listed(candidates.begin(), candidates.end());
        add_at_value(Severity::Error, "enum-value", pointer, value,
                     json_quote(value.text) + " is not a member of " + e.shortName + " (members are case-sensitive: " +
                         join(listed, ", ") + ")." + (near.empty() ? "" : " Did you mean " + fix + "?") +
                         (value.text == "String" ? " \"String\" is the docs' placeholder, not a value." : ""),
                     near.empty() ? nullptr : &fix);
    }

    const Catalog& catalog_;
    const OperationDef& op_;
    bool request_;
    const JsonDocument& doc_;
    Diagnostics& out_;
};

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Checks YYYY-MM-DDThh:mm[:ss[.f{1,12}]] from the start of s; returns the length read or 0 with why.
size_t read_local_datetime(std::string_view s, std::string& why) {
    bool ok = true;
    if (s.size() < 16 || s[4] != '-' || s[7] != '-' || s[13] != ':') {
        why = "it does not have the form YYYY-MM-DDThh:mm";
        return 0;
    }
    int year = digits_value(s, 0, 4, ok), month = digits_value(s, 5, 2, ok), day = digits_value(s, 8, 2, ok);
    int hour = digits_value(s, 11, 2, ok), minute = digits_value(s, 14, 2, ok);
    if (!ok) { why = "it does not have the form YYYY-MM-DDThh:mm"; return 0; }
    if (s[10] != 'T' && s[10] != 't') { why = "the date and the time must be separated by T"; return 0; }
    static const int daysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) { why = "month " + std::to_string(month) + " does not exist"; return 0; }
    int lastDay = daysIn[month - 1] + (month == 2 && leap_year(year) ? 1 : 0);
    if (day < 1 || day > lastDay) { why = "day " + std::to_string(day) + " does not exist in that month"; return 0; }
    if (hour > 23) { why = "the hour must be 00 to 23"; return 0; }
    if (minute > 59) { why = "the minute must be 00 to 59"; return 0; }
    size_t at = 16;
    if (at < s.size() && s[at] == ':') {
        int second = digits_value(s, at + 1, 2, ok);
        if (!ok) { why = "the seconds must be two digits"; return 0; }
        if (second > 59) { why = "the second must be 00 to 59"; return 0; }
        at += 3;
        if (at < s.size() && s[at] == '.') {
            size_t digits = 0;
            while (at + 1 + digits < s.size() && is_digit(s[at + 1 + digits])) ++digits;
            if (digits == 0 || digits > 12) { why = "the fraction of a second must have 1 to 12 digits"; return 0; }
            at += 1 + digits;
        }
    }
    (void)year;
    return at;
}

}  // namespace

std::string datetime_problem(std::string_view value, std::string& fix) {
    fix.clear();
    // Normalise the common slips first, so that one fix carries every correction.
    std::string candidate(value);
    std::string problem;
    if (candidate.size() == 10) {
        candidate += "T00:00:00";
        problem = "a time of day is required after the date";
    } else if (candidate.size() > 10 && candidate[10] == ' ') {
        candidate[10] = 'T';
        problem = "the date and the time must be separated by T";
    }
    std::string why;
    size_t at = read_local_datetime(candidate, why);
    if (at == 0) return why;
    std::string_view rest = std::string_view(candidate).substr(at);
    bool ok = true;
    if (rest.empty()) {
        fix = candidate + "Z";
        const char* missing = "the time zone offset is missing (Z for UTC, or +hh:mm / -hh:mm)";
        return problem.empty() ? missing : problem + ", and " + missing;
    }
    bool zulu = rest == "Z" || rest == "z";
    bool signedOffset = rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':';
    if (signedOffset) {
        int hours = digits_value(rest, 1, 2, ok), minutes = digits_value(rest, 4, 2, ok);
        if (!ok || hours > 23 || minutes > 59) return "the offset must be ±hh:mm with hours 00 to 23 and minutes 00 to 59";
    }
    if (zulu || signedOffset) {
        if (!problem.empty()) fix = candidate;
        return problem;
    }
    if (rest.size() == 5 && (rest[0] == '+' || rest[0] == '-')) {
        digits_value(rest, 1, 4, ok);
        if (ok) {
            fix = candidate.substr(0, at) + std::string(rest.substr(0, 3)) + ":" + std::string(rest.substr(3));
            return "the offset needs a colon (±hh:mm)";
        }
    }
    return "the offset must be Z or ±hh:mm";
}

ValidationResult validate_body(const Catalog& catalog, const OperationDef& operation, std::string_view text,
                               Direction direction, const ParseLimits& limits) {
    ValidationResult result;
    result.operationId = operation.id;
    result.direction = direction;
    result.document = parse_json(text, limits, result.diagnostics);
    Validator(catalog, operation, direction, result.document, result.diagnostics).check_body();
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.begin < b.begin; });
    if (!result.diagnostics.empty()) SourceLocator(text).locate(result.diagnostics);  // a line index only when needed
    return result;
}

nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
    nlohmann::ordered_json item;
    item["severity"] = severity_name(d.severity);
    item["code"] = d.code;
    item["pointer"] = d.pointer;
    item["line"] = d.line;
    item["column"] = d.column;
    item["endLine"] = d.endLine;
    item["endColumn"] = d.endColumn;
    item["message"] = d.message;
    if (d.hasSuggestion) item["suggestion"] = d.suggestion;
    return item;
}

std::string validation_json(const ValidationResult& result) {
    nlohmann::ordered_json out;
    out["operation"] = result.operationId;
    out["direction"] = result.direction == Direction::Request ? "request" : "response";
    out["valid"] = result.valid();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& d : result.diagnostics) list.push_back(diagnostic_json(d));
    out["diagnostics"] = std::move(list);
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace gpb
