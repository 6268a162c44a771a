#include "editor_assist.hpp"

#include <algorithm>

#include "json_cursor.hpp"
#include "json_tree.hpp"
#include "text.hpp"

namespace gpb {

namespace {

constexpr const char* kSentinel = "unknownFutureValue";
constexpr size_t kMaxTypes = 200;

std::string type_label(const PropertyDef& prop) {
    std::string base = prop.enumeration                      ? prop.enumeration->shortName
                       : prop.structured                     ? prop.structured->shortName
                       : prop.typeName.rfind("Edm.", 0) == 0 ? prop.typeName.substr(4)
                                                             : prop.typeName;
    return prop.collection ? "Collection(" + base + ")" : base;
}

// The description's first sentence or line, short enough for a completion list.
std::string one_line(const std::string& description) {
    size_t end = description.find_first_of("\r\n");
    size_t sentence = description.find(". ");
    if (sentence != std::string::npos && sentence < end) end = sentence + 1;
    std::string line = description.substr(0, end);
    return line.size() > 160 ? line.substr(0, 157) + "..." : line;
}

// Where the cursor's frames sit in the model: the object's declared and actual type, or the
// collection property whose items the array holds.
struct ModelPlace {
    const TypeDef* declared = nullptr;   // the object's type as its holder declares it
    const TypeDef* type = nullptr;       // ... or the derived type its "@odata.type" names
    const PropertyDef* items = nullptr;  // arrays: the collection property
    bool root = false;
};

const TypeDef* named_type(const Catalog& catalog, const TypeDef* declared, const std::string& odataType) {
    if (!declared || odataType.empty()) return declared;
    const TypeDef* named = catalog.type(odataType[0] == '#' ? std::string_view(odataType).substr(1) : std::string_view(odataType));
    return named && named->is_or_derives_from(declared) ? named : declared;
}

const TypeDef* root_type(const OperationDef& op, Direction direction) {
    return direction == Direction::Request ? op.bodyType : op.responseType;
}

ModelPlace place_of(const Catalog& catalog, const OperationDef& op, const std::vector<CursorFrame>& frames, Direction direction) {
    ModelPlace place;
    const TypeDef* parentType = nullptr;
    const PropertyDef* holder = nullptr;
    // A collection response wraps its items: {"value": [...]}.
    const bool wrapped = direction == Direction::Response && op.returns_collection();
    for (size_t k = 0; k < frames.size(); ++k) {
        const CursorFrame& f = frames[k];
        const TypeDef* declared = nullptr;
        if (k == 0) {
            declared = wrapped ? nullptr : root_type(op, direction);
        } else if (frames[k - 1].object) {
            holder = parentType ? parentType->property(frames[k - 1].key) : nullptr;
            if (wrapped && k == 1 && frames[0].key == "value") holder = nullptr, declared = nullptr;
            else declared = holder ? holder->structured : nullptr;
        } else {
            declared = holder ? holder->structured : (wrapped && k == 2 ? op.responseType : nullptr);
        }
        if (f.object) {
            parentType = named_type(catalog, declared, f.odataType);
            place = ModelPlace{declared, parentType, nullptr, k == 0};
        } else {
            place = ModelPlace{nullptr, nullptr, holder, false};
        }
    }
    return place;
}

// ---- items -----------------------------------------------------------------------------------

// The value a member starts with, and where the cursor goes in it.
std::pair<std::string, uint32_t> skeleton(const PropertyDef& prop) {
    if (prop.collection) return {"[]", 1};
    if (prop.structured) return {"{}", 1};
    switch (prop.primitive) {
        case Primitive::Boolean: return {"false", 5};
        case Primitive::Int16:
        case Primitive::Int32:
        case Primitive::Int64:
        case Primitive::Byte:
        case Primitive::SByte:
        case Primitive::Decimal:
        case Primitive::Double:
        case Primitive::Single: return {"0", 1};
        default: return {"\"\"", 1};
    }
}

bool present(const CursorFrame& frame, const std::string& name, const std::string& atCursor) {
    size_t count = std::count(frame.keys.begin(), frame.keys.end(), name);
    return count > (name == atCursor ? 1u : 0u);
}

bool offered(const PropertyDef& prop, const OperationDef& op, bool root, Direction direction) {
    if (direction == Direction::Response) return true;
    if (prop.navigation || prop.readOnly) return false;
    if (root && op.method == "PATCH" && (!op.may_send(prop.name) || prop.immutable)) return false;
    return true;
}

int section_of(const PropertyDef& prop, const OperationDef& op, bool root) {
    if (root && std::find(op.required.begin(), op.required.end(), prop.name) != op.required.end()) return 0;
    if (prop.serverAssigned || prop.computed) return 2;
    return 1;
}

CompletionItem member_item(const std::string& name, const PropertyDef* prop, const CursorContext& at) {
    CompletionItem item;
    item.label = name;
    item.kind = "property";
    item.insert = json_quote(name);
    if (!at.followedByColon) {
        auto [value, cursor] = prop ? skeleton(*prop) : std::pair<std::string, uint32_t>{"\"\"", 1};
        item.insert += ": ";
        item.cursor = static_cast<uint32_t>(item.insert.size()) + cursor;
        item.insert += value;
    } else {
        item.cursor = static_cast<uint32_t>(item.insert.size());
    }
    if (prop) {
        item.detail = type_label(*prop);
        item.info = one_line(prop->description);
    }
    return item;
}

void key_items(const OperationDef& op, const ModelPlace& place, const CursorContext& at, Direction direction,
               std::vector<CompletionItem>& out) {
    if (!place.type) return;
    const CursorFrame& frame = at.frames.back();
    const std::string& atCursor = at.place == CursorPlace::Key && at.inString ? frame.key : std::string();
    const bool wantsType = !place.type->derived.empty() || place.declared != place.type || (place.root && op.needs_odata_type());
    if (wantsType && !present(frame, "@odata.type", atCursor)) {
        CompletionItem item = member_item("@odata.type", nullptr, at);
        item.detail = "the concrete type";
        item.info = "Names which type this object is: " + place.declared->shortName + " or a type derived from it.";
        item.section = place.root && op.needs_odata_type() ? 0 : 1;
        out.push_back(std::move(item));
    }
    for (const PropertyDef* prop : place.type->properties) {
        const std::string& name = prop->camelName.empty() ? prop->name : prop->camelName;
        if (present(frame, prop->name, atCursor) || (name != prop->name && present(frame, name, atCursor))) continue;
        if (!offered(*prop, op, place.root, direction)) continue;
        CompletionItem item = member_item(name, prop, at);
        item.section = section_of(*prop, op, place.root);
        out.push_back(std::move(item));
    }
}

// The concrete types a value declared as `declared` may name.
void odata_type_items(const TypeDef* declared, std::vector<CompletionItem>& out) {
    if (!declared) return;
    std::vector<const TypeDef*> pending{declared};
    for (size_t i = 0; i < pending.size() && out.size() < kMaxTypes; ++i) {
        const TypeDef* t = pending[i];
        for (const TypeDef* d : t->derived) pending.push_back(d);
        if (t->abstract) continue;
        CompletionItem item;
        item.label = "#" + t->name;
        item.insert = json_quote(item.label);
        item.cursor = static_cast<uint32_t>(item.insert.size());
        item.detail = t->shortName;
        item.info = one_line(t->description);
        item.kind = "type";
        out.push_back(std::move(item));
    }
}

CompletionItem literal_item(const std::string& text, const std::string& detail, const std::string& kind, uint32_t cursor) {
    CompletionItem item;
    item.label = text;
    item.insert = text;
    item.cursor = cursor;
    item.detail = detail;
    item.kind = kind;
    return item;
}

void enum_items(const PropertyDef& prop, const CursorContext& at, std::vector<CompletionItem>& out) {
    // A flags value lists members separated by commas: only the one being typed is completed.
    size_t comma = prop.enumeration->flags ? at.typed.rfind(',') : std::string::npos;
    std::string before = comma == std::string::npos ? std::string() : at.typed.substr(0, comma + 1);
    for (const std::string& member : prop.enumeration->members) {
        if (member == kSentinel) continue;
        CompletionItem item = literal_item(member, prop.enumeration->shortName, "enum", 0);
        item.insert = json_quote(before + member);
        item.cursor = static_cast<uint32_t>(item.insert.size());
        out.push_back(std::move(item));
    }
}

// An object value: empty, or already naming each concrete kind it may be.
void structured_items(const PropertyDef& prop, std::vector<CompletionItem>& out) {
    out.push_back(literal_item("{}", prop.structured->shortName, "value", 1));
    if (prop.structured->derived.empty()) return;
    std::vector<CompletionItem> kinds;
    odata_type_items(prop.structured, kinds);
    for (auto& kind : kinds) {
        std::string insert = "{\"@odata.type\": " + kind.insert + "}";
        out.push_back(literal_item(insert, kind.detail, "value", static_cast<uint32_t>(insert.size() - 1)));
    }
}

void value_items(const PropertyDef& prop, bool item, const CursorContext& at, std::vector<CompletionItem>& out) {
    if (prop.collection && !item) {
        out.push_back(literal_item("[]", type_label(prop), "value", 1));
        return;
    }
    if (prop.enumeration) enum_items(prop, at, out);
    else if (prop.structured) structured_items(prop, out);
    else if (prop.primitive == Primitive::Boolean) {
        out.push_back(literal_item("true", "Boolean", "value", 4));
        out.push_back(literal_item("false", "Boolean", "value", 5));
    }
    if (prop.nullable && !item) out.push_back(literal_item("null", "null", "value", 4));
}

// ---- finishing -------------------------------------------------------------------------------

std::string searchable(const std::string& label) {
    std::string s = to_lower(label);
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '"' || c == '#'; }), s.end());
    return s;
}

// Items that match what is typed (a prefix first, then anywhere), commas where the JSON needs
// them, required first, then settable, then those the service sets.
void finish(Completion& out, const CursorContext& at) {
    std::string typed = searchable(at.typed);
    size_t comma = typed.rfind(',');
    if (comma != std::string::npos) typed = typed.substr(comma + 1);
    std::vector<std::pair<int, CompletionItem>> ranked;
    for (auto& item : out.items) {
        std::string label = searchable(item.label);
        size_t at_ = label.find(typed);
        if (!typed.empty() && at_ == std::string::npos) continue;
        if (at.needsCommaBefore) item.insert = ", " + item.insert, item.cursor += 2;
        if (at.needsCommaAfter) item.insert += ",";
        ranked.emplace_back(item.section * 2 + (at_ == 0 ? 0 : 1), std::move(item));
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out.items.clear();
    for (auto& [rank, item] : ranked) out.items.push_back(std::move(item));
}

const PropertyDef* property_at(const ModelPlace& place, const CursorFrame& frame) {
    if (place.items) return place.items;
    return place.type ? place.type->property(frame.key) : nullptr;
}

}  // namespace

Completion complete_body(const Catalog& catalog, const OperationDef& op, std::string_view text, uint32_t offset, Direction direction) {
    CursorContext at = locate_cursor(text, offset);
    Completion out;
    out.from = at.from;
    out.to = at.to;
    if (at.place == CursorPlace::Root) {
        if (root_type(op, direction)) out.items.push_back(literal_item("{}", root_type(op, direction)->shortName, "value", 1));
        return out;
    }
    if (at.place == CursorPlace::None || at.frames.empty()) return out;
    ModelPlace place = place_of(catalog, op, at.frames, direction);
    const CursorFrame& frame = at.frames.back();
    if (at.place == CursorPlace::Key) {
        if (frame.object) key_items(op, place, at, direction, out.items);
    } else if (frame.object && frame.key == "@odata.type") {
        odata_type_items(place.declared, out.items);
    } else if (const PropertyDef* prop = property_at(place, frame)) {
        // Between tokens a string value has nothing to offer but its quotes; inside one, nothing.
        value_items(*prop, place.items != nullptr, at, out.items);
    }
    finish(out, at);
    return out;
}

HoverInfo hover_body(const Catalog& catalog, const OperationDef& op, std::string_view text, uint32_t offset, Direction direction) {
    CursorContext at = token_at(text, offset);
    HoverInfo out;
    if (at.place == CursorPlace::None || at.frames.empty()) return out;
    out.onToken = true;
    ModelPlace place = place_of(catalog, op, at.frames, direction);
    const CursorFrame& frame = at.frames.back();
    out.from = at.from;
    out.to = at.to;
    if (frame.object && frame.key == "@odata.type") {
        const TypeDef* named = named_type(catalog, place.declared, frame.odataType);
        out.found = place.declared != nullptr;
        out.title = "@odata.type: " + (named ? named->shortName : std::string("?"));
        out.type = named ? named->name : "";
        out.description = named ? named->description : "";
        if (place.declared)
            out.description +=
                (out.description.empty() ? "" : " ") + std::string("The declared type is ") + place.declared->shortName + ".";
    } else if (const PropertyDef* prop = property_at(place, frame)) {
        out.found = true;
        out.title = (prop->camelName.empty() ? prop->name : prop->camelName) + ": " + type_label(*prop);
        out.type = prop->typeName;
        out.description = prop->description;
        out.nullable = prop->nullable;
        out.readOnly = prop->readOnly;
        out.computed = prop->computed || prop->serverAssigned;
        out.collection = prop->collection;
        if (prop->enumeration) {
            out.flags = prop->enumeration->flags;
            for (const auto& m : prop->enumeration->members)
                if (m != kSentinel) out.members.push_back(m);
        }
    }
    return out;
}

void add_hover_findings(HoverInfo& hover, const Diagnostics& findings) {
    for (const auto& d : findings)
        if (d.begin <= hover.to && d.end >= hover.from && (d.begin < hover.to || d.begin == hover.from)) hover.diagnostics.push_back(d);
    hover.found = hover.found || !hover.diagnostics.empty();
}

}  // namespace gpb
