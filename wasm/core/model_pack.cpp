// Model packs: a model as read from CSDL, written one record per line for a fast load. A Graph
// version's CSDL JSON takes 300 ms to parse and walk in wasm (nlohmann's tree allocates for every
// value); the same model as a pack loads in a fraction of that (scripts/bench.sh: model_load_ms).
//
//   gpb-model <TAB> 1 <TAB> name          the header
//   D  namespace                          the default namespace (the container's)
//   L  alias  namespace
//   E  qualified  flags(f)  member...     an enum: members in declaration order
//   T  qualified  e|c  flags(a o s)  base|-  keys(comma-separated)  description
//   S  name  type  flags(c i u d)         a container member: collection; insertable, updatable, deletable
//   A  qualified  flags(f b c)  bindingType|-  description
//   P  name  type  flags(c n v t k r m i o d, and x y z: not insertable, updatable, deletable)
//      maxLength|-  description        (a property of the last T, or a parameter of the last A)
//   R  type  flags(c n)                   the return type of the last A
// Free text escapes backslash, tab and line break as \\ \t \n.
#include "model_pack.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace gpb {

namespace {

constexpr std::string_view kHeader = "gpb-model\t1\t";

void put_text(std::string& out, std::string_view text) {
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out.push_back(c);
    }
}

std::string read_text(std::string_view field) {
    if (field.find('\\') == std::string_view::npos) return std::string(field);
    std::string out;
    for (size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 == field.size()) {
            out.push_back(field[i]);
            continue;
        }
        char next = field[++i];
        out.push_back(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
    }
    return out;
}

void put_flag(std::string& flags, bool on, char letter) {
    if (on) flags.push_back(letter);
}

bool has(std::string_view flags, char letter) { return flags.find(letter) != std::string_view::npos; }

void write_property(std::string& out, const PropertyDef& p) {
    std::string flags;
    put_flag(flags, p.collection, 'c');
    put_flag(flags, p.nullable, 'n');
    put_flag(flags, p.navigation, 'v');
    put_flag(flags, p.containsTarget, 't');
    put_flag(flags, p.key, 'k');
    put_flag(flags, p.readOnly, 'r');
    put_flag(flags, p.computed, 'm');
    put_flag(flags, p.immutable, 'i');
    put_flag(flags, p.optional, 'o');
    put_flag(flags, p.hasDefault, 'd');
    put_flag(flags, !p.insertable, 'x');
    put_flag(flags, !p.updatable, 'y');
    put_flag(flags, !p.deletable, 'z');
    out += "P\t" + p.name + "\t" + p.typeName + "\t" + flags + "\t" + (p.maxLength >= 0 ? std::to_string(p.maxLength) : "-") + "\t";
    put_text(out, p.description);
    out += "\n";
}

PropertyDef read_property(const std::vector<std::string_view>& f) {
    PropertyDef p;
    p.name = std::string(f[1]);
    p.typeName = std::string(f[2]);
    std::string_view flags = f[3];
    p.collection = has(flags, 'c');
    p.nullable = has(flags, 'n');
    p.navigation = has(flags, 'v');
    p.containsTarget = has(flags, 't');
    p.key = has(flags, 'k');
    p.readOnly = has(flags, 'r');
    p.computed = has(flags, 'm');
    p.immutable = has(flags, 'i');
    p.optional = has(flags, 'o');
    p.hasDefault = has(flags, 'd');
    p.insertable = !has(flags, 'x');
    p.updatable = !has(flags, 'y');
    p.deletable = !has(flags, 'z');
    if (f[4] != "-") std::from_chars(f[4].data(), f[4].data() + f[4].size(), p.maxLength);
    p.description = read_text(f[5]);
    return p;
}

// Splits one line at tabs into at most `count` fields (the last takes the rest).
size_t split(std::string_view line, std::vector<std::string_view>& fields, size_t count) {
    fields.clear();
    size_t at = 0;
    while (fields.size() + 1 < count) {
        size_t tab = line.find('\t', at);
        if (tab == std::string_view::npos) break;
        fields.push_back(line.substr(at, tab - at));
        at = tab + 1;
    }
    fields.push_back(line.substr(at));
    return fields.size();
}

}  // namespace

std::string write_model_pack(const Catalog& model, const std::string& name) {
    std::string out;
    out.reserve(1 << 20);
    out += std::string(kHeader) + name + "\n";
    out += "D\t" + model.defaultNamespace() + "\n";
    for (const auto& [alias, ns] : model.aliases()) out += "L\t" + alias + "\t" + ns + "\n";
    for (const auto& [name, e] : model.enums()) {
        out += "E\t" + name + "\t" + (e.flags ? "f" : "");
        for (const auto& m : e.members) out += "\t" + m;
        out += "\n";
    }
    for (const auto& [name, t] : model.types()) {
        std::string flags, keys;
        put_flag(flags, t.abstract, 'a');
        put_flag(flags, t.open, 'o');
        put_flag(flags, t.hasStream, 's');
        for (const auto& k : t.keyNames) keys += (keys.empty() ? "" : ",") + k;
        out += "T\t" + name + "\t" + (t.entity ? "e" : "c") + "\t" + flags + "\t" + (t.baseName.empty() ? "-" : t.baseName) + "\t" + keys +
               "\t";
        put_text(out, t.description);
        out += "\n";
        for (const auto& p : t.ownProperties) write_property(out, p);
    }
    for (const auto& set : model.entitySets()) {
        std::string flags;
        put_flag(flags, set->collection, 'c');
        put_flag(flags, set->insertable, 'i');
        put_flag(flags, set->updatable, 'u');
        put_flag(flags, set->deletable, 'd');
        out += "S\t" + set->name + "\t" + set->typeName + "\t" + flags + "\n";
    }
    for (const auto& a : model.actions()) {
        std::string flags;
        put_flag(flags, a->function, 'f');
        put_flag(flags, a->bound, 'b');
        put_flag(flags, a->bindingCollection, 'c');
        out += "A\t" + a->qualifiedName + "\t" + flags + "\t" + (a->bindingTypeName.empty() ? "-" : a->bindingTypeName) + "\t";
        put_text(out, a->parameters.description);
        out += "\n";
        for (const auto& p : a->parameters.ownProperties) write_property(out, p);
        if (a->returns)
            out += "R\t" + a->returnValue.typeName + "\t" + std::string(a->returnValue.collection ? "c" : "") +
                   (a->returnValue.nullable ? "n" : "") + "\n";
    }
    return out;
}

bool is_model_pack(std::string_view text) { return text.substr(0, kHeader.size()) == kHeader; }

// Reads records into the catalog; references are resolved afterwards, as for CSDL.
std::string ModelPackReader::read(Catalog& c, std::string_view text) {
    if (!is_model_pack(text)) return "not a model pack (it does not start with \"gpb-model\")";
    std::vector<std::string_view> f;
    Reading r;
    size_t lineNumber = 0;
    size_t at = text.find('\n');
    while (at != std::string_view::npos && at + 1 < text.size()) {
        size_t end = text.find('\n', at + 1);
        std::string_view line = text.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1);
        at = end;
        ++lineNumber;
        if (line.empty()) continue;
        if (!read_record(c, line, f, r, text, at)) return "model pack line " + std::to_string(lineNumber + 1) + " is malformed";
    }
    c.hasMetadata_ = true;
    return {};
}

// One line of a pack; false when it is malformed. P and R lines add to the type or action before.
bool ModelPackReader::read_record(Catalog& c, std::string_view line, std::vector<std::string_view>& f, Reading& r, std::string_view text,
                                  size_t at) {
    switch (line[0]) {
        case 'D':
            if (split(line, f, 2) != 2) return false;
            c.defaultNamespace_ = std::string(f[1]);
            return true;
        case 'L':
            if (split(line, f, 3) != 3) return false;
            c.aliases_[std::string(f[1])] = std::string(f[2]);
            return true;
        case 'E': split(line, f, 1u << 16); return read_enum(c, f);
        case 'T':
            if (split(line, f, 7) != 7) return false;
            r = {read_type(c, f, count_properties(text, at)), nullptr};
            return true;
        case 'P':
            if (split(line, f, 6) != 6) return false;
            if (r.type) r.type->ownProperties.push_back(read_property(f));
            else if (r.action) r.action->add_parameter(read_property(f));
            else return false;
            return true;
        case 'S':
            if (split(line, f, 4) != 4) return false;
            read_set(c, f);
            r = {};
            return true;
        case 'A':
            if (split(line, f, 5) != 5) return false;
            r = {nullptr, read_action(c, f)};
            return true;
        case 'R':
            if (split(line, f, 3) != 3 || !r.action) return false;
            r.action->returns = true;
            r.action->returnValue.name = "value";
            r.action->returnValue.typeName = std::string(f[1]);
            r.action->returnValue.collection = has(f[2], 'c');
            r.action->returnValue.nullable = has(f[2], 'n');
            return true;
        default: return false;
    }
}

bool ModelPackReader::read_enum(Catalog& c, const std::vector<std::string_view>& f) {
    if (f.size() < 3) return false;
    EnumDef& e = c.enums_[std::string(f[1])];
    e.name = std::string(f[1]);
    e.shortName = short_type_name(e.name);
    e.flags = has(f[2], 'f');
    e.members.reserve(f.size() - 3);
    for (size_t i = 3; i < f.size(); ++i) e.members.emplace_back(f[i]);
    return true;
}

TypeDef* ModelPackReader::read_type(Catalog& c, const std::vector<std::string_view>& f, size_t properties) {
    TypeDef* type = &c.types_[std::string(f[1])];
    type->name = std::string(f[1]);
    type->shortName = short_type_name(type->name);
    type->entity = f[2] == "e";
    type->abstract = has(f[3], 'a');
    type->open = has(f[3], 'o');
    type->hasStream = has(f[3], 's');
    if (f[4] != "-") type->baseName = std::string(f[4]);
    for (size_t k = 0; k < f[5].size();) {
        size_t comma = f[5].find(',', k);
        if (comma == std::string_view::npos) comma = f[5].size();
        type->keyNames.emplace_back(f[5].substr(k, comma - k));
        k = comma + 1;
    }
    type->description = read_text(f[6]);
    type->ownProperties.reserve(properties);
    return type;
}

void ModelPackReader::read_set(Catalog& c, const std::vector<std::string_view>& f) {
    auto set = std::make_unique<EntitySet>();
    set->name = std::string(f[1]);
    set->path = "/" + set->name;
    set->typeName = std::string(f[2]);
    set->collection = has(f[3], 'c');
    set->insertable = has(f[3], 'i');
    set->updatable = has(f[3], 'u');
    set->deletable = has(f[3], 'd');
    c.entitySets_.push_back(std::move(set));
}

ActionDef* ModelPackReader::read_action(Catalog& c, const std::vector<std::string_view>& f) {
    auto a = std::make_unique<ActionDef>();
    a->qualifiedName = std::string(f[1]);
    a->name = short_type_name(a->qualifiedName);
    a->function = has(f[2], 'f');
    a->bound = has(f[2], 'b');
    a->bindingCollection = has(f[2], 'c');
    if (f[3] != "-") a->bindingTypeName = std::string(f[3]);
    a->parameters.name = a->qualifiedName + " parameters";
    a->parameters.shortName = a->name + " parameters";
    a->parameters.description = read_text(f[4]);
    ActionDef* added = a.get();
    c.add_action(std::move(a));
    return added;
}

// How many P lines follow the record that ends at `at` (to size the vector once).
size_t ModelPackReader::count_properties(std::string_view text, size_t at) {
    size_t n = 0;
    while (at != std::string_view::npos && at + 1 < text.size() && text[at + 1] == 'P') {
        ++n;
        at = text.find('\n', at + 1);
    }
    return n;
}

}  // namespace gpb
