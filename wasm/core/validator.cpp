#include "validator.hpp"
#include "diagnostic_codes.hpp"

#include <algorithm>
#include <cstring>

#include "json_scan.hpp"
#include "source_locator.hpp"
#include "suggest.hpp"
#include "text.hpp"
#include "value_formats.hpp"

namespace gpb {

namespace {

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
        case Primitive::Int16: return "an integer (Edm.Int16)";
        case Primitive::Byte: return "an integer from 0 to 255 (Edm.Byte)";
        case Primitive::SByte: return "an integer from -128 to 127 (Edm.SByte)";
        case Primitive::Decimal: return "a number (Edm.Decimal)";
        case Primitive::Single: return "a number (Edm.Single)";
        case Primitive::Date: return "a date string YYYY-MM-DD (Edm.Date)";
        case Primitive::TimeOfDay: return "a time string hh:mm:ss (Edm.TimeOfDay)";
        case Primitive::Duration: return "an ISO 8601 duration string (Edm.Duration)";
        case Primitive::Binary: return "a base64 string (Edm.Binary)";
        case Primitive::Stream: return "a stream (Edm.Stream)";
        case Primitive::Spatial: return "a GeoJSON object";
        case Primitive::None: break;
    }
    return "a value";
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += separator;
        out += items[i];
    }
    return out;
}

// "#name" as a JSON string (an "@odata.type" value) in one allocation; '#' needs no escape.
std::string quoted_type_reference(std::string_view name) {
    std::string out(1 + json_string_room(name), '\0');
    // The quoted name written one byte in, its opening quote then overwritten by the '#'.
    char* end = write_json_string(out.data() + 1, name);
    out[0] = '"';
    out[1] = '#';
    out.resize(static_cast<size_t>(end - out.data()));
    return out;
}

// "/12": an array item's token, without the temporaries of "/" + std::to_string(index).
void append_index_token(std::string& pointer, size_t index) {
    char digits[24];
    char* first = std::end(digits);
    do {
        *--first = static_cast<char>('0' + index % 10);
        index /= 10;
    } while (index);
    *--first = '/';
    pointer.append(first, static_cast<size_t>(std::end(digits) - first));
}

bool is_response_annotation(std::string_view key) { return key.rfind("@odata.", 0) == 0 || key.find('.') != std::string_view::npos; }

enum class ObjectRole { Body, Complex, ExpandedEntity };

// A scalar value as the reader hands it over.
struct Scalar {
    Scalar() = default;
    Scalar(NodeKind k, uint32_t b, uint32_t e) : kind(k), begin(b), end(e) {}
    NodeKind kind = NodeKind::Null;
    std::string_view text;  // the decoded string, or the number as written
    bool boolValue = false;
    const JsonNumber* number = nullptr;
    uint32_t begin = 0, end = 0;
};

// Finds the first member of one object with a given name, reading no further than needed.
struct MemberFinder {
    std::string_view target;
    int depth = 0;
    bool armed = false, found = false;
    NodeKind kind = NodeKind::Null;
    std::string text;

    bool begin_object(uint32_t) { return open(NodeKind::Object); }
    bool begin_array(uint32_t) { return open(NodeKind::Array); }
    bool end_object(uint32_t, uint32_t, const ObjectKeys&) { return --depth > 0; }
    bool end_array(uint32_t, uint32_t) { return --depth > 0; }
    bool key(std::string_view name, uint32_t, uint32_t) {
        armed = depth == 1 && name == target;
        return true;
    }
    bool duplicate_key(std::string_view, uint32_t, uint32_t) { return true; }
    bool string_value(std::string_view value, uint32_t, uint32_t) {
        if (armed) text.assign(value.data(), value.size());
        return scalar(NodeKind::String);
    }
    bool number_value(const JsonNumber&, uint32_t, uint32_t) { return scalar(NodeKind::Number); }
    bool bool_value(bool, uint32_t, uint32_t) { return scalar(NodeKind::Boolean); }
    bool null_value(uint32_t, uint32_t) { return scalar(NodeKind::Null); }

private:
    bool open(NodeKind k) {
        if (armed) return take(k);
        ++depth;
        return true;
    }
    bool scalar(NodeKind k) { return armed ? take(k) : true; }
    bool take(NodeKind k) {
        found = true;
        kind = k;
        return false;
    }
};

// Checks a body while the reader reads it: one frame per open object or array says what its
// contents are checked against. Nothing is kept of the body but the open frames.
class Validator {
public:
    Validator(const Catalog& catalog, const OperationDef& op, Direction direction, std::string_view text, const ParseLimits& limits,
              ScanBuffers& lookahead, Diagnostics& parseFindings, Diagnostics& out)
        : catalog_(catalog), op_(op), request_(direction == Direction::Request), text_(text), limits_(limits), lookahead_(lookahead),
          parseFindings_(parseFindings), out_(out) {
        frames_.clear();
        // Types of an earlier call may be gone (a model loaded since): nothing is remembered across calls.
        for (Shape& shape : shapes_) shape.type = nullptr;
    }

    // ---- reader events ----
    bool begin_object(uint32_t at) {
        Frame frame = open_frame(true, at);
        if (frames_.empty()) {
            const TypeDef* declared = request_ ? op_.bodyType : op_.responseType;
            if (!request_ && (op_.returns_collection() || op_.responseShape == "value")) {
                frame.role = FrameRole::CollectionRoot;
                frame.declared = frame.type = declared;
            } else if (declared && !request_ && !declared->property("value") && find_member(at, "value").found) {
                frame.role = FrameRole::EnvelopeRoot;
                frame.declared = frame.type = declared;
            } else if (declared) {
                start_object(frame, declared, ObjectRole::Body);
            }
        } else {
            route_container(frame, NodeKind::Object);
        }
        frames_.push_back(frame);
        return true;
    }

    bool begin_array(uint32_t at) {
        Frame frame = open_frame(false, at);
        if (frames_.empty()) frame.deferred = Deferred::BodyNotObject;
        else route_container(frame, NodeKind::Array);
        frames_.push_back(frame);
        return true;
    }

    bool end_object(uint32_t begin, uint32_t end, const ObjectKeys& keys) {
        const Frame& frame = frames_.back();
        if (frame.role == FrameRole::Object) finish_object(frame, begin, keys);
        if (frame.role == FrameRole::CollectionRoot && !frame.sawEnvelope)
            add_at_brace(Severity::Error, code_name(Code::ValueEnvelope), frames_.size() - 1, begin,
                         op_.returns_collection()
                             ? "This operation returns a collection: the response body is {\"value\": [...]}, with the items in the array."
                             : "This operation returns a value: the response body is {\"value\": ...}.");
        report_deferred(frame, NodeKind::Object, begin, end);
        frames_.pop_back();
        return true;
    }

    bool end_array(uint32_t begin, uint32_t end) {
        report_deferred(frames_.back(), NodeKind::Array, begin, end);
        frames_.pop_back();
        return true;
    }

    bool duplicate_key(std::string_view name, uint32_t begin, uint32_t end) {
        frames_.back().sawDuplicate = true;
        if (full()) return drop(begin, true);
        std::string pointer = pointer_at(frames_.size() - 1);
        append_pointer_token(pointer, name);
        parseFindings_.push_back(duplicate_key_diagnostic(name, begin, end, std::move(pointer)));
        return true;
    }

    bool key(std::string_view name, uint32_t begin, uint32_t end) {
        Frame& frame = frames_.back();
        frame.key = name;
        frame.action = MemberAction::Skip;
        ++frame.members;
        if (frame.role == FrameRole::Object) classify_member(frame, name, begin, end);
        else if (frame.role == FrameRole::CollectionRoot) classify_collection_member(frame, name, begin, end);
        else if (frame.role == FrameRole::EnvelopeRoot && name == "value" && !frame.sawEnvelope) {
            frame.sawEnvelope = true;
            frame.action = MemberAction::EnvelopeValue;
            add(Severity::Error, code_name(Code::ValueEnvelope), frames_.size(), begin, end,
                "This operation returns a single " + frame.declared->shortName +
                    ", not a collection: the response body is the object itself, without a {\"value\": [...]} wrapper.");
        }
        return true;
    }

    bool string_value(std::string_view text, uint32_t begin, uint32_t end) {
        Scalar value(NodeKind::String, begin, end);
        value.text = text;
        return on_scalar(value);
    }
    bool number_value(const JsonNumber& number, uint32_t begin, uint32_t end) {
        Scalar value(NodeKind::Number, begin, end);
        value.text = number.literal;
        value.number = &number;
        return on_scalar(value);
    }
    bool bool_value(bool b, uint32_t begin, uint32_t end) {
        Scalar value(NodeKind::Boolean, begin, end);
        value.boolValue = b;
        return on_scalar(value);
    }
    bool null_value(uint32_t begin, uint32_t end) { return on_scalar(Scalar(NodeKind::Null, begin, end)); }

    // Records in `out` the member value the edit at byte `at` fell in (README, "A held body").
    void watch(size_t at, WatchedValue& out) {
        watchAt_ = at;
        watched_ = &out;
    }

    // Checks one member's string or number value alone, its findings carrying `pointer`.
    void check_member_value(const Scalar& value, const PropertyDef& prop, const std::string& pointer) {
        fixedPointer_ = &pointer;
        check_value(value, prop, 0);
        fixedPointer_ = nullptr;
    }

    // Findings past the cap: how many, and where the first of them was.
    struct Dropped {
        size_t count = 0;
        uint32_t firstBegin = 0;
    };
    Dropped droppedWhileReading, droppedWhileChecking;

private:
    bool full() const { return parseFindings_.size() + out_.size() >= kMaxDiagnostics; }

    bool drop(uint32_t begin, bool whileReading) {
        Dropped& d = whileReading ? droppedWhileReading : droppedWhileChecking;
        if (d.count++ == 0) d.firstBegin = begin;
        return true;
    }

    enum class FrameRole : uint8_t {
        Ignore,          // read, not checked
        Object,          // an object checked against `type`
        Collection,      // an array whose items are checked against `prop`
        EnvelopeRoot,    // a response body wrapped in {"value": [...]}
        EnvelopeItems,   // the array inside that wrapper
        CollectionRoot,  // a response that is a collection: {"value": [...]} with @odata annotations
    };
    // A finding about the container itself as a value, made when it closes (its range is known then).
    enum class Deferred : uint8_t { None, BodyNotObject, Mismatch, NotCollection, OdataTypeNotString };
    // What the current member's value is checked against.
    enum class MemberAction : uint8_t { Skip, Check, OdataType, EnvelopeValue };

    struct Frame {
        FrameRole role = FrameRole::Ignore;
        bool object = false;
        bool sawOdataType = false;
        bool sawEnvelope = false;
        Deferred deferred = Deferred::None;
        MemberAction action = MemberAction::Skip;
        ObjectRole objectRole = ObjectRole::Body;
        uint32_t begin = 0;
        uint32_t members = 0, sentProperties = 0;
        uint32_t nextIndex = 0, index = 0;  // arrays: the current item
        std::string_view key;               // objects: the current member
        const TypeDef* declared = nullptr;  // objects: the type the position calls for...
        const TypeDef* type = nullptr;      // ...and the one the body names with @odata.type
        const PropertyDef* prop = nullptr;  // the property a collection or a deferred finding is about
        // Objects: members written under the exact name of a property of mustHaveOf that cannot be
        // left out of a complex value; with no name repeated, a count equal to the type's says
        // none is missing without comparing names (finish_object).
        const TypeDef* mustHaveOf = nullptr;
        uint32_t mustHaveSeen = 0;
        bool sawDuplicate = false;
    };

    // Kept between calls, like the reader's buffers: a validation then allocates almost nothing.
    static std::vector<Frame>& frame_pool() {
        GPB_THREAD_LOCAL std::vector<Frame> frames;
        return frames;
    }

    // Sibling objects of one type mostly list the same members in the same order (the items of an
    // array): what the k-th member of the last object of the type at this depth was is tried first,
    // one name comparison instead of a lookup.
    struct Shape {
        const TypeDef* type = nullptr;
        std::vector<const TypeDef::NamedProperty*> members;  // by position; null where unknown
    };
    static constexpr size_t kShapeMembers = 64;  // positions remembered in one object

    static std::vector<Shape>& shape_pool() {
        GPB_THREAD_LOCAL std::vector<Shape> shapes;
        return shapes;
    }

    const PropertyDef* member_property(const Frame& frame, const TypeDef* type, std::string_view name) {
        const size_t position = frame.members - 1;
        if (position >= kShapeMembers) return type->property(name);
        const size_t depth = frames_.size() - 1;
        if (depth >= shapes_.size()) shapes_.resize(depth + 1);
        Shape& shape = shapes_[depth];
        if (shape.type != type) {
            shape.type = type;
            shape.members.assign(kShapeMembers, nullptr);
        }
        const TypeDef::NamedProperty* last = shape.members[position];
        if (last && same_text(last->first, name)) return last->second;
        const TypeDef::NamedProperty* entry = type->named_property(name);
        shape.members[position] = entry;
        return entry ? entry->second : nullptr;
    }

    Frame open_frame(bool object, uint32_t at) {
        if (!frames_.empty() && !frames_.back().object) frames_.back().index = frames_.back().nextIndex++;
        Frame frame;
        frame.object = object;
        frame.begin = at;
        return frame;
    }

    void start_object(Frame& frame, const TypeDef* declared, ObjectRole role) {
        frame.role = FrameRole::Object;
        frame.declared = declared;
        frame.objectRole = role;
        frame.type = declared;
        // Only a type with subtypes can be changed by "@odata.type"; look ahead for it then.
        if (!declared->derived.empty()) {
            MemberFinder finder = find_member(frame.begin, "@odata.type");
            if (finder.found) {
                Scalar named;
                named.kind = finder.kind;
                named.text = finder.text;
                frame.type = check_odata_type(named, declared, 0, false);
            }
        }
    }

    MemberFinder find_member(uint32_t objectBegin, std::string_view name) const {
        MemberFinder finder;
        finder.target = name;
        JsonScanner<MemberFinder> scanner(text_, limits_, finder, false, &lookahead_);
        scanner.scan_value_at(objectBegin);
        return finder;
    }

    // A container that is the value of the current member or item of the top frame.
    void route_container(Frame& frame, NodeKind kind) {
        Frame& parent = frames_.back();
        const PropertyDef* prop = nullptr;
        bool item = false;
        switch (parent.role) {
            case FrameRole::Object:
                if (parent.action == MemberAction::OdataType) {
                    frame.deferred = Deferred::OdataTypeNotString;
                    frame.declared = parent.declared;
                    return;
                }
                if (parent.action != MemberAction::Check) return;
                prop = parent.prop;
                break;
            case FrameRole::Collection:
                prop = parent.prop;
                item = true;
                break;
            case FrameRole::EnvelopeRoot:
                if (parent.action == MemberAction::EnvelopeValue && kind == NodeKind::Array) {
                    frame.role = FrameRole::EnvelopeItems;
                    frame.declared = parent.declared;
                }
                return;
            case FrameRole::EnvelopeItems:
                if (kind == NodeKind::Object && parent.declared) start_object(frame, parent.declared, ObjectRole::Body);
                return;
            case FrameRole::CollectionRoot:
                if (parent.action != MemberAction::EnvelopeValue) return;
                if (kind == NodeKind::Array && op_.returns_collection()) {
                    frame.role = FrameRole::EnvelopeItems;
                    frame.declared = parent.declared;
                } else if (kind == NodeKind::Object && !op_.returns_collection() && parent.declared) {
                    start_object(frame, parent.declared, ObjectRole::Body);
                }
                return;
            case FrameRole::Ignore: return;
        }
        frame.prop = prop;
        if (prop->collection && !item) {
            if (kind == NodeKind::Array) frame.role = FrameRole::Collection;
            else frame.deferred = Deferred::NotCollection;
            return;
        }
        if (prop->structured && kind == NodeKind::Object) {
            start_object(frame, prop->structured, prop->structured->entity ? ObjectRole::ExpandedEntity : ObjectRole::Complex);
            return;
        }
        bool anything =
            !prop->structured && !prop->enumeration &&
            (prop->primitive == Primitive::Untyped || prop->primitive == Primitive::None || prop->primitive == Primitive::Spatial);
        if (!anything) frame.deferred = Deferred::Mismatch;
    }

    bool on_scalar(const Scalar& value) {
        if (frames_.empty()) {
            add(Severity::Error, code_name(Code::BodyNotObject), 0, value.begin, value.end,
                std::string("The body must be a JSON object, but it is ") + node_kind_name(value.kind) + ".");
            return true;
        }
        Frame& parent = frames_.back();
        if (!parent.object) parent.index = parent.nextIndex++;
        const size_t depth = frames_.size();
        switch (parent.role) {
            case FrameRole::Object:
                if (parent.action == MemberAction::Check) {
                    if (watched_ && edited(value)) watch_value(value, *parent.prop, depth);
                    check_value(value, *parent.prop, depth);
                } else if (parent.action == MemberAction::OdataType) {
                    const TypeDef* named = check_odata_type(value, parent.declared, depth, true);
                    // Without subtypes there was no look-ahead: a sibling named here is checked as itself
                    // from here on (one mistake, one finding).
                    if (parent.type == parent.declared && named) parent.type = named;
                }
                return true;
            case FrameRole::CollectionRoot:
                if (parent.action == MemberAction::EnvelopeValue && op_.returns_collection())
                    add(Severity::Error, code_name(Code::TypeMismatch), depth, value.begin, value.end,
                        "\"value\" holds the items of the collection: expected an array, found " + std::string(node_kind_name(value.kind)) +
                            ".");
                return true;
            case FrameRole::Collection:
                if (value.kind == NodeKind::Null)
                    add(Severity::Error, code_name(Code::NullNotAllowed), depth, value.begin, value.end,
                        "Items of " + json_quote(parent.prop->name) + " cannot be null.");
                else check_single(value, *parent.prop, depth);
                return true;
            default: return true;
        }
    }

    // False, counting the finding as dropped, once the list is full: a finding repeated on every item
    // of a large body then costs no message once the first kMaxDiagnostics are listed.
    bool room(uint32_t begin) {
        if (!full()) return true;
        drop(begin, false);
        return false;
    }

    void add(Severity severity, const char* code, size_t depth, uint32_t begin, uint32_t end, std::string message,
             std::string* suggestion = nullptr) {
        if (full()) {
            drop(begin, false);
            return;
        }
        Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.pointer = pointer_at(depth);
        d.begin = begin;
        d.end = end;
        d.message = std::move(message);
        if (suggestion) {
            d.suggestion = std::move(*suggestion);  // each caller's last use of its fix
            d.hasSuggestion = true;
        }
        // A list that grows past a few findings mostly runs to the limit: room for it at once,
        // rather than moving every finding each time the list doubles.
        if (out_.size() == 16) out_.reserve(kMaxDiagnostics + 1);
        out_.push_back(std::move(d));
    }

    // Findings about an object as a whole point at its opening brace.
    void add_at_brace(Severity severity, const char* code, size_t depth, uint32_t begin, std::string message,
                      std::string* suggestion = nullptr) {
        add(severity, code, depth, begin, begin + 1, std::move(message), suggestion);
    }

    // Whether the last edit fell in this value: between a string's quotes, or anywhere on a number
    // (a digit typed at its end makes it longer).
    bool edited(const Scalar& value) const {
        if (value.kind == NodeKind::String) return value.begin < watchAt_ && watchAt_ < value.end;
        return value.kind == NodeKind::Number && value.begin <= watchAt_ && watchAt_ <= value.end;
    }

    // A string is watched only as written without escapes: its text is then the token's inside.
    void watch_value(const Scalar& value, const PropertyDef& prop, size_t depth) {
        if (value.kind == NodeKind::String &&
            (value.text.data() != text_.data() + value.begin + 1 || value.text.size() != value.end - value.begin - 2))
            return;
        watched_->kind = value.kind;
        watched_->property = &prop;
        watched_->begin = value.begin;
        watched_->end = value.end;
        watched_->pointer = pointer_at(depth);
        watched_->listedBefore = parseFindings_.size() + out_.size();
    }

    // The JSON Pointer of the value the first `depth` frames lead to (built only for a finding).
    std::string pointer_at(size_t depth) const {
        if (fixedPointer_) return *fixedPointer_;
        // Sized first (escapes aside): one allocation, not one each time it doubles.
        size_t length = 0;
        for (size_t f = 0; f < depth; ++f) length += 1 + (frames_[f].object ? frames_[f].key.size() : 10);
        std::string pointer;
        pointer.reserve(length);
        for (size_t f = 0; f < depth; ++f) {
            if (frames_[f].object) append_pointer_token(pointer, frames_[f].key);
            else append_index_token(pointer, frames_[f].index);
        }
        return pointer;
    }

    void classify_member(Frame& frame, std::string_view name, uint32_t begin, uint32_t end) {
        const size_t depth = frames_.size();
        if (same_text(name, "@odata.type")) {
            if (!frame.sawOdataType) {
                frame.sawOdataType = true;
                frame.action = MemberAction::OdataType;
            }
            return;
        }
        const TypeDef* type = frame.type;
        if (!name.empty() && name[0] == '@') {
            if (request_ && is_response_annotation(name))
                add(Severity::Warning, code_name(Code::UnknownProperty), depth, begin, end,
                    "The annotation " + json_quote(name) + " belongs in responses; the service ignores it in a request body.");
            return;
        }
        if (has_byte(name, '@')) {
            std::string_view target = name.substr(0, name.find('@'));
            if (!type->property(target) && !type->open)
                add(Severity::Error, code_name(Code::UnknownProperty), depth, begin, end,
                    "The annotation " + json_quote(name) + " refers to " + json_quote(target) + ", which is not a property of " +
                        type->shortName + ".");
            return;
        }
        ++frame.sentProperties;
        const PropertyDef* prop = member_property(frame, type, name);
        if (!prop) {
            report_unknown_property(name, begin, end, depth, type, frame.declared);
            return;
        }
        if (must_have(*prop) && same_text(name, prop->name)) {
            if (frame.mustHaveOf != type) {
                frame.mustHaveOf = type;
                frame.mustHaveSeen = 0;
            }
            ++frame.mustHaveSeen;
        }
        if (request_) {
            // A contained entity written inline in a POST is a deep insert (a message's attachments).
            bool deepInsert = prop->containsTarget && op_.method == "POST";
            if (prop->navigation && !deepInsert) {
                add(Severity::Error, code_name(Code::NavigationInline), depth, begin, end,
                    json_quote(name) + " is a navigation property of " + type->shortName +
                        " (a relationship, not a field): it cannot be written inline in a request body.");
                return;
            }
            if (prop->readOnly) {
                add(Severity::Error, code_name(Code::ReadOnly), depth, begin, end,
                    json_quote(name) + " is read-only: the service sets it and rejects it in a request body.");
                return;
            }
            if (frame.objectRole == ObjectRole::Body && !op_.may_send(name)) {
                add(Severity::Error, code_name(Code::NotUpdatable), depth, begin, end,
                    json_quote(name) + " cannot be changed by this operation; it accepts only " + join(op_.updatable, ", ") + ".");
                return;
            }
            if (prop->serverAssigned)
                add(Severity::Warning, code_name(Code::ServerAssigned), depth, begin, end,
                    json_quote(name) + " is assigned by the service (or taken from the token); a value sent here is ignored or rejected.");
        }
        frame.action = MemberAction::Check;
        frame.prop = prop;
    }

    // In a collection response: "value" holds the items; @odata annotations (context, nextLink,
    // count, deltaLink) may stand beside it; nothing else may.
    void classify_collection_member(Frame& frame, std::string_view name, uint32_t begin, uint32_t end) {
        if (name == "value" && !frame.sawEnvelope) {
            frame.sawEnvelope = true;
            frame.action = MemberAction::EnvelopeValue;
            return;
        }
        if (!name.empty() && name[0] == '@') return;
        add(Severity::Error, code_name(Code::UnknownProperty), frames_.size(), begin, end,
            json_quote(name) + " does not belong in a collection response: it holds \"value\" and @odata annotations only.");
    }

    // A created entity must say which concrete type it is; elsewhere its address says it.
    bool creates(const Frame& frame) const { return frame.objectRole == ObjectRole::Body && request_ && op_.kind == OperationKind::Create; }

    // A property a complex value must contain when it is sent.
    static bool must_have(const PropertyDef& prop) { return !prop.nullable && !prop.collection; }

    void finish_object(const Frame& frame, uint32_t begin, const ObjectKeys& keys) {
        const size_t depth = frames_.size() - 1;
        const TypeDef* declared = frame.declared;
        const TypeDef* type = frame.type;
        if (!frame.sawOdataType) {
            if (frame.objectRole == ObjectRole::Body && request_ && op_.needs_odata_type()) {
                bool empty = frame.members == 0;
                std::string fix = std::string("{") + (empty ? "" : "\n  ") +
                                  "\"@odata.type\": " + quoted_type_reference(op_.bodyType->name) + (empty ? "" : ",");
                add_at_brace(Severity::Error, code_name(Code::OdataTypeMissing), depth, begin,
                             op_.path + " is typed as " + op_.addressType->shortName + ", so a " + op_.bodyType->shortName +
                                 " body must say \"@odata.type\": \"#" + op_.bodyType->name + "\".",
                             &fix);
            } else if (declared->abstract && (!declared->entity || creates(frame))) {
                std::vector<std::string> options;
                for (const TypeDef* d : declared->derived) options.push_back("#" + d->name);
                add_at_brace(
                    Severity::Error, code_name(Code::OdataTypeMissing), depth, begin,
                    declared->shortName + " is abstract: name the kind of value with \"@odata.type\" (" + join(options, ", ") + ").");
            }
        }
        if (frame.objectRole == ObjectRole::Body && request_) {
            for (const auto& name : op_.required) {
                if (keys.contains(name)) continue;
                // An action parameter may be written as the metadata spells it ("Post") or as the docs do ("post").
                if (const PropertyDef* p = type->property(name);
                    p && (keys.contains(p->name) || (!p->camelName.empty() && keys.contains(p->camelName))))
                    continue;
                add_at_brace(Severity::Error, code_name(Code::MissingRequired), depth, begin,
                             "The body is missing " + json_quote(name) + ", which " + op_.title + " requires.");
            }
            if (op_.method == "PATCH" && frame.sentProperties == 0)
                add_at_brace(Severity::Warning, code_name(Code::EmptyBody), depth, begin,
                             "This PATCH changes nothing: the body sets no property.");
        }
        if (frame.objectRole == ObjectRole::Complex) {
            if (!frame.sawDuplicate && frame.mustHaveOf == type &&
                frame.mustHaveSeen == static_cast<uint32_t>(std::count_if(type->properties.begin(), type->properties.end(),
                                                                          [](const PropertyDef* p) { return must_have(*p); })))
                return;  // each one was written
            for (const PropertyDef* prop : type->properties) {
                if (!must_have(*prop) || keys.contains(prop->name)) continue;
                add_at_brace(Severity::Error, code_name(Code::MissingRequired), depth, begin,
                             "This " + type->shortName + " is missing " + json_quote(prop->name) + ", which cannot be null: a " +
                                 type->shortName + " that is sent must contain it.");
            }
        }
    }

    void report_deferred(const Frame& frame, NodeKind kind, uint32_t begin, uint32_t end) {
        const size_t depth = frames_.size() - 1;
        switch (frame.deferred) {
            case Deferred::None: return;
            case Deferred::BodyNotObject:
                add(Severity::Error, code_name(Code::BodyNotObject), depth, begin, end,
                    std::string("The body must be a JSON object, but it is ") + node_kind_name(kind) + ".");
                return;
            case Deferred::Mismatch:
                add(Severity::Error, code_name(Code::TypeMismatch), depth, begin, end,
                    json_quote(frame.prop->name) + " expects " + type_label(*frame.prop) + ", found " + node_kind_name(kind) + ".");
                return;
            case Deferred::NotCollection:
                add(Severity::Error, code_name(Code::TypeMismatch), depth, begin, end,
                    json_quote(frame.prop->name) + " is a collection: expected an array of " + item_label(*frame.prop) + ", found " +
                        node_kind_name(kind) + ".");
                return;
            case Deferred::OdataTypeNotString:
                add(Severity::Error, code_name(Code::TypeMismatch), depth, begin, end,
                    std::string("\"@odata.type\" must be a string such as \"#") + frame.declared->name + "\", not " + node_kind_name(kind) +
                        ".");
                return;
        }
    }

    void report_unknown_property(std::string_view name, uint32_t begin, uint32_t end, size_t depth, const TypeDef* type,
                                 const TypeDef* declared) {
        if (full()) {
            drop(begin, false);
            return;
        }
        std::vector<std::string_view> names;
        for (const PropertyDef* p : type->properties) names.push_back(p->name);
        std::string near = nearest_name(name, names);
        std::string fix = near.empty() ? std::string() : json_quote(near);
        std::string* suggestion = near.empty() ? nullptr : &fix;
        std::string hint = near.empty() ? "" : " Did you mean " + json_quote(near) + "?";
        if (type->open) {
            if (!request_) return;  // dynamic properties are what an open type answers with
            add(Severity::Warning, code_name(Code::UnknownProperty), depth, begin, end,
                json_quote(name) + " is not a declared property of " + type->shortName + "; " + type->shortName +
                    " is an open type, so it is sent as a dynamic property." + hint,
                suggestion);
            return;
        }
        if (type->partial) {
            add(Severity::Warning, code_name(Code::UnknownProperty), depth, begin, end,
                json_quote(name) + " is not among the properties of " + type->shortName + " that this tool models, so it was not checked." +
                    hint,
                suggestion);
            return;
        }
        if (const TypeDef* owner = find_in_subtypes(declared, name); owner && type == declared) {
            add(Severity::Error, code_name(Code::UnknownProperty), depth, begin, end,
                json_quote(name) + " belongs to " + owner->shortName + ", not to " + type->shortName +
                    ": name the type with \"@odata.type\": \"#" + owner->name + "\".");
            return;
        }
        add(Severity::Error, code_name(Code::UnknownProperty), depth, begin, end,
            json_quote(name) + " is not a property of " + type->shortName + "." + hint, suggestion);
    }

    const TypeDef* find_in_subtypes(const TypeDef* type, std::string_view name) const {
        for (const TypeDef* sub : type->derived) {
            if (sub->property(name)) return sub;
            if (const TypeDef* deeper = find_in_subtypes(sub, name)) return deeper;
        }
        return nullptr;
    }

    // The type an "@odata.type" value names, reporting what is wrong with it when `report` is set.
    const TypeDef* check_odata_type(const Scalar& value, const TypeDef* declared, size_t depth, bool report) {
        if (value.kind != NodeKind::String) {
            if (report && room(value.begin))
                add(Severity::Error, code_name(Code::TypeMismatch), depth, value.begin, value.end,
                    std::string("\"@odata.type\" must be a string such as \"#") + declared->name + "\", not " + node_kind_name(value.kind) +
                        ".");
            return declared;
        }
        std::string_view written = value.text;
        bool hasHash = !written.empty() && written[0] == '#';
        std::string_view name = hasHash ? written.substr(1) : written;
        // Most bodies name the type the position declares: that needs no look-up.
        const TypeDef* named = declared->inModel && same_text(name, declared->name) ? declared : lookup_type(name);
        if (!named) {
            if (!report || !room(value.begin)) return declared;
            if (const TypeDef* near = catalog_.type_ignoring_case(name)) {
                std::string fix = quoted_type_reference(near->name);
                add(Severity::Error, code_name(Code::OdataTypeUnknown), depth, value.begin, value.end,
                    json_quote(written) + " names no type: type names are case-sensitive. Did you mean " + fix + "?", &fix);
            } else {
                add(Severity::Error, code_name(Code::OdataTypeUnknown), depth, value.begin, value.end,
                    json_quote(written) + " names no known type; " + declared->shortName + " is expected here.");
            }
            return declared;
        }
        if (!named->is_or_derives_from(declared)) {
            if (report && room(value.begin)) {
                std::string fix = quoted_type_reference(declared->name);
                add(Severity::Error, code_name(Code::OdataTypeMismatch), depth, value.begin, value.end,
                    json_quote(written) + " is not " + declared->shortName + " or a type derived from it" + sibling_note(named, declared) +
                        ". Allowed here: " + allowed_types(declared) + ".",
                    declared->abstract ? nullptr : &fix);
            }
            // The members are checked against the type the body names: one mistake, one finding.
            return named;
        }
        if (named->abstract) {
            if (report && room(value.begin))
                add(Severity::Error, code_name(Code::OdataTypeMismatch), depth, value.begin, value.end,
                    named->shortName + " is abstract: name a concrete type derived from it.");
            return named;
        }
        if (!hasHash && report && room(value.begin)) {
            // The warning docs examples raise on every item: built once for a name, then copied.
            if (!same_text(written, unhashed_.name)) {
                unhashed_.name.assign(written);
                unhashed_.fix = quoted_type_reference(written);
                constexpr std::string_view lead = "\"@odata.type\" values start with '#': write ";
                unhashed_.message.clear();
                unhashed_.message.reserve(lead.size() + unhashed_.fix.size() + 1);
                unhashed_.message.append(lead).append(unhashed_.fix).push_back('.');
            }
            std::string fix = unhashed_.fix;
            add(Severity::Warning, code_name(Code::OdataTypeFormat), depth, value.begin, value.end, std::string(unhashed_.message), &fix);
        }
        return named;
    }

    // "; X and Y both derive from Z" when the named type is a sibling of the declared one.
    static std::string sibling_note(const TypeDef* named, const TypeDef* declared) {
        for (const TypeDef* base = declared->base; base; base = base->base)
            if (named->is_or_derives_from(base) && base->name != "microsoft.graph.entity")
                return " (" + named->shortName + " and " + declared->shortName + " both derive from " + base->shortName +
                       ", but neither from the other)";
        return {};
    }

    // The declared type and the concrete types derived from it, at most eight named.
    static std::string allowed_types(const TypeDef* declared) {
        std::vector<std::string> names;
        size_t total = 0;
        std::vector<const TypeDef*> pending = {declared};
        while (!pending.empty()) {
            const TypeDef* t = pending.back();
            pending.pop_back();
            if (!t->abstract && ++total <= 8) names.push_back("#" + t->name);
            for (auto it = t->derived.rbegin(); it != t->derived.rend(); ++it) pending.push_back(*it);
        }
        std::string out = join(names, ", ");
        if (total > names.size()) out += " and " + std::to_string(total - names.size()) + " more";
        return out.empty() ? "a concrete type derived from " + declared->shortName : out;
    }

    // Bodies name the same few types over and over: remember the last answer.
    const TypeDef* lookup_type(std::string_view name) {
        if (same_text(name, lastTypeName_)) return lastType_;
        lastTypeName_.assign(name.data(), name.size());
        lastType_ = catalog_.type(name);
        return lastType_;
    }

    std::string type_label(const PropertyDef& prop) const {
        if (prop.structured) return "an object (" + prop.structured->shortName + ")";
        if (prop.enumeration) return "a string naming a member of " + prop.enumeration->shortName;
        return primitive_label(prop.primitive);
    }

    std::string item_label(const PropertyDef& prop) const {
        if (prop.structured) return prop.structured->shortName + " objects";
        if (prop.enumeration) return prop.enumeration->shortName + " members";
        return "values";
    }

    void check_value(const Scalar& value, const PropertyDef& prop, size_t depth) {
        if (value.kind == NodeKind::Null) {
            if ((prop.collection || !prop.nullable) && room(value.begin))
                add(Severity::Error, code_name(Code::NullNotAllowed), depth, value.begin, value.end,
                    json_quote(prop.name) + " cannot be null" +
                        (prop.collection ? std::string(" (collections are never null: send [] instead)")
                                         : std::string(": leave it out or give ") + type_label(prop)) +
                        ".");
            return;
        }
        if (prop.collection) {
            if (room(value.begin))
                add(Severity::Error, code_name(Code::TypeMismatch), depth, value.begin, value.end,
                    json_quote(prop.name) + " is a collection: expected an array of " + item_label(prop) + ", found " +
                        node_kind_name(value.kind) + ".");
            return;
        }
        check_single(value, prop, depth);
    }

    void mismatch(const Scalar& value, const PropertyDef& prop, size_t depth, std::string* fix = nullptr) {
        if (!room(value.begin)) return;
        add(Severity::Error, code_name(Code::TypeMismatch), depth, value.begin, value.end,
            json_quote(prop.name) + " expects " + type_label(prop) + ", found " + node_kind_name(value.kind) + ".", fix);
    }

    void check_single(const Scalar& value, const PropertyDef& prop, size_t depth) {
        if (prop.structured) return mismatch(value, prop, depth);
        if (prop.enumeration) {
            if (value.kind != NodeKind::String) return mismatch(value, prop, depth);
            check_enum(value, prop, depth);
            return;
        }
        switch (prop.primitive) {
            case Primitive::Guid:
            case Primitive::Date:
            case Primitive::TimeOfDay:
            case Primitive::Duration:
            case Primitive::Binary:
                if (value.kind != NodeKind::String) return mismatch(value, prop, depth);
                check_format(value, prop, depth);
                return;
            case Primitive::String:
                if (value.kind != NodeKind::String) {
                    std::string fix = json_quote(value.kind == NodeKind::Number ? value.text : value.boolValue ? "true" : "false");
                    bool quotable = value.kind == NodeKind::Number || value.kind == NodeKind::Boolean;
                    return mismatch(value, prop, depth, quotable ? &fix : nullptr);
                }
                if (prop.maxLength >= 0 && utf16_length(value.text) > static_cast<uint64_t>(prop.maxLength))
                    add(Severity::Warning, code_name(Code::StringLength), depth, value.begin, value.end,
                        json_quote(prop.name) + " is " + std::to_string(utf16_length(value.text)) +
                            " characters long; the documented maximum is " + std::to_string(prop.maxLength) + ".");
                return;
            case Primitive::Boolean:
                if (value.kind != NodeKind::Boolean) {
                    bool quoted = value.kind == NodeKind::String && (value.text == "true" || value.text == "false");
                    std::string fix(value.text);
                    return mismatch(value, prop, depth, quoted ? &fix : nullptr);
                }
                return;
            case Primitive::Double:
            case Primitive::Single:
            case Primitive::Decimal:
                // OData JSON writes the special values as strings, and Decimal may be a string
                // (IEEE754Compatible=true).
                if (value.kind == NodeKind::String && (value.text == "NaN" || value.text == "INF" || value.text == "-INF")) return;
                if (value.kind == NodeKind::String && prop.primitive == Primitive::Decimal && is_decimal_literal(value.text)) return;
                if (value.kind != NodeKind::Number) return mismatch(value, prop, depth);
                return;
            case Primitive::Int32:
            case Primitive::Int64:
            case Primitive::Int16:
            case Primitive::Byte:
            case Primitive::SByte: check_integer(value, prop, depth); return;
            case Primitive::Stream:
            case Primitive::Spatial: return;
            case Primitive::DateTimeOffset: {
                if (value.kind != NodeKind::String) return mismatch(value, prop, depth);
                std::string fix;
                std::string problem = datetime_problem(value.text, fix);
                if (problem.empty()) return;
                std::string quotedFix = json_quote(fix);
                add(Severity::Error, code_name(Code::DatetimeFormat), depth, value.begin, value.end,
                    json_quote(value.text) +
                        " is not an OData DateTimeOffset (YYYY-MM-DDThh:mm[:ss[.fffffff]] then Z or ±hh:mm): " + problem + ".",
                    fix.empty() ? nullptr : &quotedFix);
                return;
            }
            case Primitive::Untyped:
            case Primitive::None: return;
        }
    }

    void check_integer(const Scalar& value, const PropertyDef& prop, size_t depth) {
        if (value.kind == NodeKind::String) {
            std::string_view t = value.text;
            bool digits = !t.empty() && t.size() < 20 && std::all_of(t.begin() + (t[0] == '-' ? 1 : 0), t.end(), is_digit) && t != "-";
            std::string fix(t);
            return mismatch(value, prop, depth, digits ? &fix : nullptr);
        }
        if (value.kind != NodeKind::Number) return mismatch(value, prop, depth);
        const JsonNumber& number = *value.number;
        const std::string_view literal = number.literal;
        if (!number.integer) {
            add(Severity::Error, code_name(Code::TypeMismatch), depth, value.begin, value.end,
                json_quote(prop.name) + " expects " + type_label(prop) + ", found " + std::string(literal) +
                    ": write a whole number without a fraction or exponent.");
            return;
        }
        int64_t min = 0, max = 0;
        integer_range(prop.primitive, min, max);
        if (!number.fits || number.value < min || number.value > max) {
            std::string name = primitive_label(prop.primitive);
            name = name.substr(name.find("(Edm.") + 5);
            name.pop_back();
            add(Severity::Error, code_name(Code::IntRange), depth, value.begin, value.end,
                std::string(literal) + " does not fit in " + name +
                    (prop.primitive == Primitive::Int64 ? std::string() : " (" + std::to_string(min) + " to " + std::to_string(max) + ")") +
                    ".");
            return;
        }
        if (prop.hasRange && (number.value < prop.rangeMin || number.value > prop.rangeMax))
            add(Severity::Warning, code_name(Code::Range), depth, value.begin, value.end,
                std::string(literal) + " is outside the documented range of " + json_quote(prop.name) + " (" +
                    std::to_string(prop.rangeMin) + " to " + std::to_string(prop.rangeMax) + ").");
    }

    static bool is_decimal_literal(std::string_view t) {
        size_t at = !t.empty() && (t[0] == '-' || t[0] == '+') ? 1 : 0;
        bool digits = false, dot = false;
        for (; at < t.size(); ++at) {
            if (t[at] >= '0' && t[at] <= '9') digits = true;
            else if (t[at] == '.' && !dot) dot = true;
            else return false;
        }
        return digits;
    }

    void check_format(const Scalar& value, const PropertyDef& prop, size_t depth) {
        std::string problem = edm_format_problem(prop.primitive, value.text);
        if (problem.empty()) return;
        add(Severity::Error, code_name(Code::ValueFormat), depth, value.begin, value.end,
            json_quote(value.text) + " is not " + primitive_label(prop.primitive) + ": " + problem + ".");
    }

    void check_enum(const Scalar& value, const PropertyDef& prop, size_t depth) {
        const EnumDef& e = *prop.enumeration;
        if (e.members.empty()) return;  // declared without members: nothing to check against
        if (e.flags && value.text.find(',') != std::string_view::npos) {
            check_flags(value, e, depth);
            return;
        }
        if (e.has(value.text)) {
            if (request_ && value.text == "unknownFutureValue")
                add(Severity::Warning, code_name(Code::SentinelValue), depth, value.begin, value.end,
                    "unknownFutureValue marks members added to " + e.shortName +
                        " later; it is not a real value and clients must not send it.");
            return;
        }
        for (const auto& m : e.members) {
            if (!equal_ignoring_case(m, value.text)) continue;
            // Members are case-sensitive in OData; many Graph services accept another case, so a
            // wrong case is a warning, not an error.
            std::string fix = json_quote(m);
            add(Severity::Warning, code_name(Code::EnumValue), depth, value.begin, value.end,
                json_quote(value.text) + " differs from the member " + fix + " of " + e.shortName +
                    " only in case: OData members are case-sensitive, and some services reject it. Write " + fix + ".",
                &fix);
            return;
        }
        std::vector<std::string_view> candidates;
        for (const auto& m : e.members)
            if (m != "unknownFutureValue") candidates.push_back(m);
        std::string near = nearest_name(value.text, candidates);
        std::string fix = json_quote(near);
        std::vector<std::string> listed(candidates.begin(), candidates.end());
        add(Severity::Error, code_name(Code::EnumValue), depth, value.begin, value.end,
            json_quote(value.text) + " is not a member of " + e.shortName + " (members are case-sensitive: " + join(listed, ", ") + ")." +
                (near.empty() ? "" : " Did you mean " + fix + "?") +
                (value.text == "String" ? " \"String\" is the docs' placeholder, not a value." : ""),
            near.empty() ? nullptr : &fix);
    }

    // A flags enum value: members separated by commas (spaces around them are allowed).
    void check_flags(const Scalar& value, const EnumDef& e, size_t depth) {
        std::string_view rest = value.text;
        while (true) {
            size_t comma = rest.find(',');
            std::string_view member = trim(rest.substr(0, comma));
            if (!e.has(member)) {
                std::vector<std::string> listed(e.members.begin(), e.members.end());
                add(Severity::Error, code_name(Code::EnumValue), depth, value.begin, value.end,
                    json_quote(member) + " in " + json_quote(value.text) + " is not a member of " + e.shortName +
                        " (a flags enum: members separated by commas, case-sensitive: " + join(listed, ", ") + ").");
                return;
            }
            if (comma == std::string_view::npos) return;
            rest = rest.substr(comma + 1);
        }
    }

    const Catalog& catalog_;
    const OperationDef& op_;
    bool request_;
    std::string_view text_;
    const ParseLimits& limits_;
    ScanBuffers& lookahead_;
    Diagnostics& parseFindings_;
    Diagnostics& out_;
    // The last "@odata.type" written without its '#', with its warning's fix and message.
    struct UnhashedType {
        std::string name, fix, message;
    } unhashed_;
    std::vector<Frame>& frames_ = frame_pool();
    std::vector<Shape>& shapes_ = shape_pool();  // by depth
    std::string lastTypeName_;
    const TypeDef* lastType_ = nullptr;
    size_t watchAt_ = std::string::npos;
    WatchedValue* watched_ = nullptr;
    const std::string* fixedPointer_ = nullptr;  // what pointer_at gives while one value is checked alone
};

}  // namespace

namespace {

GPB_THREAD_LOCAL ScanBuffers lookaheadBuffers;

ValidationResult validate_watching(const Catalog& catalog, const OperationDef& operation, std::string_view text, Direction direction,
                                   const ParseLimits& limits, size_t watchAt, WatchedValue* watched) {
    ValidationResult result;
    result.operationId = operation.id;
    result.direction = direction;
    Diagnostics findings;
    GPB_THREAD_LOCAL ScanBuffers bodyBuffers;
    Validator validator(catalog, operation, direction, text, limits, lookaheadBuffers, result.diagnostics, findings);
    if (watched) validator.watch(watchAt, *watched);
    JsonScanner<Validator> scanner(text, limits, validator, true, &bodyBuffers);
    const bool parsed = scanner.scan_document();
    Validator::Dropped dropped = validator.droppedWhileReading;
    if (parsed) {
        result.parsed = true;
        result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(findings.begin()),
                                  std::make_move_iterator(findings.end()));
        if (validator.droppedWhileChecking.count) {
            if (!dropped.count || validator.droppedWhileChecking.firstBegin < dropped.firstBegin)
                dropped.firstBegin = validator.droppedWhileChecking.firstBegin;
            dropped.count += validator.droppedWhileChecking.count;
        }
    } else {
        // A body that does not parse gets only what the reader found: the rest would be guesswork.
        result.diagnostics.push_back(scan_error_diagnostic(scanner.error()));
    }
    if (dropped.count) {
        Diagnostic d;
        d.code = code_name(Code::Limit);
        d.begin = d.end = dropped.firstBegin;
        d.message = "Only the first " + std::to_string(kMaxDiagnostics) + " findings are listed; " + std::to_string(dropped.count) +
                    " more from here on are not.";
        result.diagnostics.push_back(std::move(d));
    }
    auto byStart = [](const Diagnostic& a, const Diagnostic& b) { return a.begin < b.begin; };
    // Findings mostly arrive in order already; a stable sort would allocate a buffer for each call.
    if (!std::is_sorted(result.diagnostics.begin(), result.diagnostics.end(), byStart))
        std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), byStart);
    locate_diagnostics(text, result.diagnostics);
    return result;
}

// The findings of a lone value's check: what `value` (a string or a number token of text) is found
// to hold against prop.
Diagnostics check_lone_value(const Catalog& catalog, const OperationDef& operation, Direction direction, std::string_view text,
                             const Scalar& value, const PropertyDef& prop, const std::string& pointer) {
    Diagnostics unused, found;
    const ParseLimits limits;
    Validator validator(catalog, operation, direction, text, limits, lookaheadBuffers, unused, found);
    validator.check_member_value(value, prop, pointer);
    return found;
}

// The watched value's token at [begin, end) of text as the reader reads it: false when it is no
// longer one token of its kind (a number whose digits an edit broke, say).
bool read_watched_token(std::string_view text, const WatchedValue& watched, uint32_t end, Scalar& value, JsonNumber& number) {
    value = Scalar(watched.kind, watched.begin, end);
    if (watched.kind == NodeKind::String) {
        value.text = text.substr(watched.begin + 1, end - watched.begin - 2);
        return true;
    }
    // Read from a text that ends with the token, so that the reader cannot run past it. What
    // followed the number before still follows it, and cannot go on a number.
    const scan_detail::NumberRead read = scan_detail::read_number_at(text.substr(0, end), watched.begin);
    if (read.problem || read.end != end) return false;
    number = read.number;
    value.text = number.literal;
    value.number = &number;
    return true;
}

// True when the token's inside needs no escape and holds nothing the reader refuses: no quote,
// backslash or control character, and only valid UTF-8 (the reader's own rule), so it reads as a
// string token of those same characters whatever it held before.
bool plain_inside(std::string_view inside) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(inside.data());
    for (size_t i = 0;;) {
        i = scan_detail::skip_plain_string_bytes(inside.data(), i, inside.size());
        if (i >= inside.size()) return true;
        if (bytes[i] < 0x80) return false;  // a quote, a backslash or a control character
        const size_t length = scan_detail::utf8_sequence_length(bytes + i, inside.size() - i);
        if (!length) return false;
        i += length;
    }
}

// Where the watched value's token ends now, when every edit since the last check stayed within it
// (between a string's quotes, which hold a plain inside; anywhere on a number, its ends included);
// 0 when not.
uint32_t watched_value_end(std::string_view text, const HeldBody::Changes& changes, const WatchedValue& value) {
    const bool string = value.kind == NodeKind::String;
    const uint32_t firstEditable = string ? value.begin + 1 : value.begin, lastEditable = string ? value.end - 1 : value.end;
    if (!value.property || changes.whole || changes.prefix < firstEditable || changes.suffix < changes.markedSize - lastEditable) return 0;
    const int64_t end = static_cast<int64_t>(value.end) + static_cast<int64_t>(text.size()) - static_cast<int64_t>(changes.markedSize);
    if (end < static_cast<int64_t>(value.begin) + (string ? 2 : 1) || text.size() > ParseLimits{}.maxBytes) return 0;
    const auto newEnd = static_cast<uint32_t>(end);
    if (!string) return newEnd;
    return text[newEnd - 1] == '"' && plain_inside(text.substr(value.begin + 1, newEnd - value.begin - 2)) ? newEnd : 0;
}

// A finding the value's own check made: it covers exactly the value's token.
bool made_by(const Diagnostic& d, const WatchedValue& value) { return d.begin == value.begin && d.end == value.end; }

// Whether the other findings stay as a whole check would list them once the value's own `owned`
// findings become `found` ones. No other finding may start at the value or lie inside it. Under the
// cap, any number may be listed. Past it, the value's findings must all have been listed with room
// to spare (else some may have been dropped unseen), and as many as before keep every later one
// where it was.
bool listing_holds(const Diagnostics& diagnostics, const WatchedValue& value, size_t found) {
    auto inside = [&](uint32_t offset) { return offset > value.begin && offset < value.end; };
    size_t owned = 0;
    bool capped = false;
    for (const Diagnostic& d : diagnostics) {
        if (made_by(d, value)) ++owned;
        else if (d.begin == value.begin || inside(d.begin) || inside(d.end)) return false;
        capped = capped || d.code == code_name(Code::Limit);
    }
    return capped ? found == owned && value.listedBefore + owned < kMaxDiagnostics : diagnostics.size() - owned + found <= kMaxDiagnostics;
}

// Puts the value's new findings in place of its old ones and moves the rest to the new text: its
// token now ends at `end` and is `units` UTF-16 units long. Neither the old nor the new inside holds a line break, so lines stay,
// and what follows the value on its line moves by the change in its length.
void replace_value_findings(Diagnostics& diagnostics, WatchedValue& value, uint32_t end, uint32_t units, Diagnostics found) {
    const int64_t delta = static_cast<int64_t>(end) - static_cast<int64_t>(value.end);
    const int64_t unitDelta = static_cast<int64_t>(units) - static_cast<int64_t>(value.units);
    diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return made_by(d, value); }),
                      diagnostics.end());
    for (Diagnostic& d : diagnostics) {
        if (d.begin >= value.end) {
            d.begin = static_cast<uint32_t>(d.begin + delta);
            if (d.line == value.line) d.column = static_cast<uint32_t>(d.column + unitDelta);
        }
        if (d.end >= value.end) {
            d.end = static_cast<uint32_t>(d.end + delta);
            if (d.endLine == value.line) d.endColumn = static_cast<uint32_t>(d.endColumn + unitDelta);
        }
    }
    for (Diagnostic& d : found) {
        d.line = d.endLine = value.line;
        d.column = value.column;
        d.endColumn = value.column + units;
    }
    auto at = std::lower_bound(diagnostics.begin(), diagnostics.end(), value.begin,
                               [](const Diagnostic& d, uint32_t offset) { return d.begin < offset; });
    diagnostics.insert(at, std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    value.end = end;
    value.units = units;
}

// The watched value checked again after edits inside it. False, with the memo unchanged, when the
// edits reached outside the value or the answer might differ from a whole check's in any other way.
bool recheck_watched_value(const Catalog& catalog, const OperationDef& operation, Direction direction, std::string_view text,
                           const HeldBody::Changes& changes, CheckMemo& memo) {
    if (!memo.result.parsed) return false;
    const uint32_t end = watched_value_end(text, changes, memo.value);
    Scalar value;
    JsonNumber number;
    if (!end || !read_watched_token(text, memo.value, end, value, number)) return false;
    Diagnostics found = check_lone_value(catalog, operation, direction, text, value, *memo.value.property, memo.value.pointer);
    if (!listing_holds(memo.result.diagnostics, memo.value, found.size())) return false;
    const uint32_t units = utf16_length(text.substr(memo.value.begin, end - memo.value.begin));
    replace_value_findings(memo.result.diagnostics, memo.value, end, units, std::move(found));
    return true;
}

}  // namespace

ValidationResult validate_body(const Catalog& catalog, const OperationDef& operation, std::string_view text, Direction direction,
                               const ParseLimits& limits) {
    return validate_watching(catalog, operation, text, direction, limits, std::string::npos, nullptr);
}

const ValidationResult& validate_held(const Catalog& catalog, const OperationDef& operation, HeldBody& body, Direction direction,
                                      CheckMemo& memo) {
    const std::string_view text = body.text();
    const bool sameCheck =
        memo.catalog == &catalog && memo.generation == Catalog::generation() && memo.operation == &operation && memo.direction == direction;
    if (!sameCheck ||
        !(body.changes().none(text.size()) || recheck_watched_value(catalog, operation, direction, text, body.changes(), memo))) {
        memo.catalog = &catalog;
        memo.generation = Catalog::generation();
        memo.operation = &operation;
        memo.direction = direction;
        memo.value = WatchedValue();
        memo.result = validate_watching(catalog, operation, text, direction, ParseLimits{}, body.last_edit_at(), &memo.value);
        if (memo.value.property) {
            const SourcePosition at = locate_offset(text, memo.value.begin);
            memo.value.line = at.line;
            memo.value.column = at.column;
            memo.value.units = utf16_length(text.substr(memo.value.begin, memo.value.end - memo.value.begin));
        }
    }
    body.mark_checked();
    return memo.result;
}

namespace {

// The answer is written at a cursor into room made for it beforehand: no capacity check or call
// for each of its pieces (a thousand findings are some twenty thousand pieces).
template <size_t N>
char* write_literal(char* to, const char (&text)[N]) {
    std::memcpy(to, text, N - 1);
    return to + N - 1;
}

char* write_text(char* to, std::string_view text) {
    std::memcpy(to, text.data(), text.size());
    return to + text.size();
}

constexpr size_t kNumberRoom = 10;  // digits of a uint32_t

char* write_number(char* to, uint32_t value) {
    char digits[kNumberRoom];
    char* first = std::end(digits);  // written from the last digit back, then copied at once
    do {
        *--first = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value);
    return write_text(to, std::string_view(first, static_cast<size_t>(std::end(digits) - first)));
}

// The most one diagnostic's JSON takes: its member names, punctuation and severity fit in 128
// bytes, four numbers and four strings at their worst.
size_t diagnostic_json_room(const Diagnostic& d) {
    return 128 + 4 * kNumberRoom + json_string_room(d.code) + json_string_room(d.pointer) + json_string_room(d.message) +
           json_string_room(d.suggestion);
}

// The one place that spells a diagnostic as JSON (README, "Diagnostics").
char* write_diagnostic_json(char* to, const Diagnostic& d) {
    to = write_literal(to, "{\"severity\":\"");
    to = write_text(to, severity_name(d.severity));
    to = write_literal(to, "\",\"code\":");
    to = write_json_string(to, d.code);
    to = write_literal(to, ",\"pointer\":");
    to = write_json_string(to, d.pointer);
    to = write_number(write_literal(to, ",\"line\":"), d.line);
    to = write_number(write_literal(to, ",\"column\":"), d.column);
    to = write_number(write_literal(to, ",\"endLine\":"), d.endLine);
    to = write_number(write_literal(to, ",\"endColumn\":"), d.endColumn);
    to = write_literal(to, ",\"message\":");
    to = write_json_string(to, d.message);
    if (d.hasSuggestion) {
        to = write_literal(to, ",\"suggestion\":");
        to = write_json_string(to, d.suggestion);
    }
    *to++ = '}';
    return to;
}

}  // namespace

// For answers built as a tree (lint): the same text, read back.
nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
    std::string text(diagnostic_json_room(d), '\0');
    text.resize(static_cast<size_t>(write_diagnostic_json(text.data(), d) - text.data()));
    return nlohmann::ordered_json::parse(text, nullptr, false);
}

// Written directly rather than through a JSON tree: this is the answer of every keystroke.
std::string validation_json(const ValidationResult& result) {
    size_t room = 96 + json_string_room(result.operationId);  // the members around the list take 68
    for (const Diagnostic& d : result.diagnostics) room += 1 + diagnostic_json_room(d);
    std::string out(room, '\0');
    char* to = write_literal(out.data(), "{\"operation\":");
    to = write_json_string(to, result.operationId);
    to = result.direction == Direction::Request ? write_literal(to, ",\"direction\":\"request\"")
                                                : write_literal(to, ",\"direction\":\"response\"");
    to = result.valid() ? write_literal(to, ",\"valid\":true") : write_literal(to, ",\"valid\":false");
    to = write_literal(to, ",\"diagnostics\":[");
    for (size_t i = 0; i < result.diagnostics.size(); ++i) {
        if (i) *to++ = ',';
        to = write_diagnostic_json(to, result.diagnostics[i]);
    }
    to = write_literal(to, "]}");
    out.resize(static_cast<size_t>(to - out.data()));
    return out;
}

namespace {

// The record's text: valid UTF-8 as it is and U+FFFD for each byte that is not, as the JSON answer
// writes it, so that one decode of the record's text gives the JSON answer's strings.
size_t record_text_room(std::string_view value) { return value.size() + 2 * scan_detail::count_special_bytes(value.data(), value.size()); }

// Returns where the text ends; `units` gets its length in UTF-16 units.
char* write_record_text(char* to, std::string_view value, uint32_t& units) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
    // ASCII copied a word at a time as it is checked (the site's memcpy is a call and goes a byte
    // at a time), then byte by byte.
    size_t plain = 0;
    for (uint64_t word; plain + 8 <= value.size(); plain += 8) {
        std::memcpy(&word, bytes + plain, 8);
        if (word & 0x8080808080808080ull) break;
        std::memcpy(to + plain, &word, 8);
    }
    for (; plain < value.size() && bytes[plain] < 0x80; ++plain) to[plain] = static_cast<char>(bytes[plain]);
    to += plain;
    if (plain == value.size()) {
        units = static_cast<uint32_t>(plain);  // ASCII: a unit a byte
        return to;
    }
    char* const rest = to;
    for (size_t i = plain; i < value.size();) {
        if (bytes[i] < 0x80) {
            *to++ = static_cast<char>(bytes[i++]);
            continue;
        }
        const size_t length = scan_detail::utf8_sequence_length(bytes + i, value.size() - i);
        to = length ? write_text(to, value.substr(i, length)) : write_text(to, "\xEF\xBF\xBD");
        i += length ? length : 1;
    }
    units = static_cast<uint32_t>(plain) + utf16_length(std::string_view(rest, static_cast<size_t>(to - rest)));
    return to;
}

}  // namespace

void mark_repeated_text(std::string& record, RecordText& last) {
    uint32_t mark = 0, flags = 0, count = 0;
    if (record.size() < 4 * kRecordHeaderWords) return;
    std::memcpy(&mark, record.data(), 4);
    std::memcpy(&count, record.data() + 8, 4);
    const size_t textAt = 4 * (kRecordHeaderWords + kRecordDiagnosticWords * size_t{count});
    if (mark != kValidationRecordMark || textAt > record.size()) return;
    const std::string_view text = std::string_view(record).substr(textAt);
    if (last.recorded && text == last.text) {
        std::memcpy(&flags, record.data() + 4, 4);
        flags |= kRecordSameText;
        std::memcpy(record.data() + 4, &flags, 4);
    } else {
        last.text.assign(text);
        last.recorded = true;
    }
}

std::string held_validation_record(CheckMemo& memo) {
    std::string record = validation_record(memo.result);
    mark_repeated_text(record, memo.lastRecord);
    return record;
}

std::string validation_record(const ValidationResult& result) {
    const size_t wordBytes = 4 * (kRecordHeaderWords + kRecordDiagnosticWords * result.diagnostics.size());
    size_t textRoom = record_text_room(result.operationId);
    for (const Diagnostic& d : result.diagnostics)
        textRoom += record_text_room(d.code) + record_text_room(d.pointer) + record_text_room(d.message) + record_text_room(d.suggestion);
    std::string out(wordBytes + textRoom, '\0');
    char* word = out.data();
    char* const textStart = out.data() + wordBytes;
    char* text = textStart;
    auto put = [&word](uint32_t value) {
        std::memcpy(word, &value, 4);
        word += 4;
    };
    // Each string goes into the text; its length in UTF-16 units into the words.
    auto put_text = [&](std::string_view value) {
        uint32_t units = 0;
        text = write_record_text(text, value, units);
        put(units);
    };
    put(kValidationRecordMark);
    put((result.valid() ? 1u : 0u) | (result.direction == Direction::Response ? 2u : 0u));
    put(static_cast<uint32_t>(result.diagnostics.size()));
    char* const textBytesWord = word;
    put(0);
    put_text(result.operationId);
    for (const Diagnostic& d : result.diagnostics) {
        put(static_cast<uint32_t>(d.severity));
        put(d.line);
        put(d.column);
        put(d.endLine);
        put(d.endColumn);
        put_text(d.code);
        put_text(d.pointer);
        put_text(d.message);
        if (d.hasSuggestion) put_text(d.suggestion);
        else put(kNoSuggestion);
    }
    const auto textBytes = static_cast<uint32_t>(text - textStart);
    std::memcpy(textBytesWord, &textBytes, 4);
    out.resize(static_cast<size_t>(text - out.data()));
    return out;
}

}  // namespace gpb
