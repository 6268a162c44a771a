// Graph's permissions reference (graph-permissions.json), indexed by path pattern and method. What it
// lists is reported least privileged first; where it lists nothing, nothing is invented.
#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_map>

#include "catalog.hpp"
#include "json_scan.hpp"

namespace gpb {

namespace {

// "/Security/Incidents/{incident-id}/x(on={v})" -> "/security/incidents/{id}/x()", written into out.
void normalize_path(std::string_view path, std::string& out) {
    out.clear();
    for (size_t i = 0; i < path.size(); ++i) {
        char c = path[i];
        if (c == '{' || c == '(') {
            char close = c == '{' ? '}' : ')';
            size_t end = path.find(close, i);
            if (end == std::string_view::npos) break;
            out += c == '{' ? "{id}" : "()";
            i = end;
            continue;
        }
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    while (out.size() > 1 && out.back() == '/') out.pop_back();
}

// Whether a path's markers ("least=DelegatedWork,Application;...") name scheme as least privileged.
bool least_for(std::string_view markers, std::string_view scheme) {
    size_t at = markers.find("least=");
    if (at == std::string_view::npos) return false;
    std::string_view list = markers.substr(at + 6);
    list = list.substr(0, list.find(';'));
    for (;;) {
        size_t comma = list.find(',');
        if (list.substr(0, comma) == scheme) return true;
        if (comma == std::string_view::npos) return false;
        list.remove_prefix(comma + 1);
    }
}

// One permission granting one method on one path under one scheme. Names, methods and schemes are
// indexes into the index's own lists: the reference repeats a few hundred of them some 100 000 times.
struct Grant {
    uint32_t name;
    uint32_t method;
    uint32_t scheme;
    int privilege;
    bool least;
};

// Strings kept once each, known by their place.
class Interned {
public:
    uint32_t of(std::string_view text) {
        auto found = places_.find(text);
        if (found != places_.end()) return found->second;
        texts_.emplace_back(text);
        const auto place = static_cast<uint32_t>(texts_.size() - 1);
        places_.emplace(texts_.back(), place);
        return place;
    }
    // The place of text, or kNone when it was never kept.
    uint32_t find(std::string_view text) const {
        auto found = places_.find(text);
        return found == places_.end() ? kNone : found->second;
    }
    const std::string& text(uint32_t place) const { return texts_[place]; }
    static constexpr uint32_t kNone = 0xFFFFFFFFu;

private:
    std::deque<std::string> texts_;  // a deque: the views in places_ stay valid as it grows
    std::unordered_map<std::string_view, uint32_t> places_;
};

struct PermissionIndex {
    Interned names, methods, schemes;
    std::unordered_map<std::string, std::vector<Grant>> byPath;  // normalized path -> its grants, in reference order
};

// What one path set of a permission lists, as read.
struct PathSet {
    std::vector<std::string_view> methods, schemeKeys;
    std::vector<std::pair<std::string_view, std::string_view>> paths;  // path -> markers
};

// Reads the reference's events straight into the index (no tree is built: the tree alone took half
// the load). Its shape: {"permissions": {NAME: {"pathSets": [{"methods": [...], "paths": {PATH:
// MARKERS}, "schemeKeys": [...]}], "schemes": {SCHEME: {"privilegeLevel": N}}}}}. What has another
// shape is passed over, and a name given twice is read each time. A permission's parts are kept as
// views until its object closes: views into the text, or copies of what the reader decoded (its
// decoded strings last only until the next one).
class ReferenceReader {
public:
    ReferenceReader(PermissionIndex& index, std::string_view text) : index_(index), text_(text) {}
    bool sawPermissions = false;
    std::string problem;  // why reading stopped early

    bool begin_object(uint32_t) { return open(true); }
    bool begin_array(uint32_t) { return open(false); }
    bool end_object(uint32_t, uint32_t, const ObjectKeys&) {
        if (in({"permissions", "*", "*"}) && !finish_permission()) return false;
        return close();
    }
    bool end_array(uint32_t, uint32_t) { return close(); }
    bool key(std::string_view name, uint32_t, uint32_t) {
        keys_.back() = stable(name);
        if (in({"permissions", "*"})) current_ = keys_.back();
        return true;
    }
    bool duplicate_key(std::string_view, uint32_t, uint32_t) { return true; }
    bool string_value(std::string_view text, uint32_t, uint32_t) {
        if (in({"permissions", "*", "pathSets", "[]", "methods", "[]"})) sets_.back().methods.push_back(stable(text));
        if (in({"permissions", "*", "pathSets", "[]", "schemeKeys", "[]"})) sets_.back().schemeKeys.push_back(stable(text));
        if (at_path()) sets_.back().paths.emplace_back(keys_.back(), stable(text));
        return true;
    }
    bool number_value(const JsonNumber& number, uint32_t, uint32_t) {
        if (in({"permissions", "*", "schemes", "*", "privilegeLevel"}) && number.fits && number.value >= INT32_MIN &&
            number.value <= INT32_MAX)
            privileges_.emplace_back(keys_[3], static_cast<int>(number.value));
        return unmarked_path();
    }
    bool bool_value(bool, uint32_t, uint32_t) { return unmarked_path(); }
    bool null_value(uint32_t, uint32_t) { return unmarked_path(); }

private:
    // Whether the open containers are, from the root, exactly as path names them: "[]" an array,
    // "*" an object at any member, another name an object at that member.
    bool in(std::initializer_list<std::string_view> path) const {
        if (keys_.size() != path.size()) return false;
        size_t level = 0;
        for (std::string_view want : path) {
            if (want == "[]" ? objects_[level] : !objects_[level] || (want != "*" && keys_[level] != want)) return false;
            ++level;
        }
        return true;
    }

    // A value of a path set's "paths" object (its markers when it is a string).
    bool at_path() const { return in({"permissions", "*", "pathSets", "[]", "paths", "*"}); }

    // A path whose markers are not a string still counts, with none.
    bool unmarked_path() {
        if (at_path()) sets_.back().paths.emplace_back(keys_.back(), std::string_view());
        return true;
    }

    bool open(bool object) {
        if (object && in({"permissions"})) sawPermissions = true;
        if (object && in({"permissions", "*", "pathSets", "[]"})) sets_.emplace_back();
        unmarked_path();
        keys_.emplace_back();
        objects_.push_back(object);
        return true;
    }

    bool close() {
        keys_.pop_back();
        objects_.pop_back();
        return true;
    }

    std::string_view stable(std::string_view text) {
        if (text.data() >= text_.data() && text.data() + text.size() <= text_.data() + text_.size()) return text;
        return decoded_.emplace_back(text);
    }

    // Every path of every path set, for each of its methods and schemes, in the reference's order.
    // A method with no scheme is still listed for the path (as found, with no permission). False
    // past kMaxGrants: a path set's grants are the product of its lists, so a few kilobytes could
    // otherwise ask for more memory than there is.
    bool finish_permission() {
        const uint32_t name = index_.names.of(current_);
        for (const PathSet& set : sets_) {
            grants_ += uint64_t{set.paths.size()} * set.methods.size() * std::max<size_t>(set.schemeKeys.size(), 1);
            if (grants_ > kMaxGrants) {
                problem = "not a permissions reference: it grants more than " + std::to_string(kMaxGrants) +
                          " permissions to paths and methods (Graph's grants about 43 000)";
                return false;
            }
            for (const auto& [path, markers] : set.paths) {
                normalize_path(path, pathBuffer_);
                std::vector<Grant>& grants = index_.byPath[pathBuffer_];
                for (std::string_view method : set.methods) {
                    const uint32_t methodPlace = index_.methods.of(method);
                    if (set.schemeKeys.empty()) grants.push_back(Grant{name, methodPlace, Interned::kNone, 0, false});
                    for (std::string_view scheme : set.schemeKeys)
                        grants.push_back(
                            Grant{name, methodPlace, index_.schemes.of(scheme), privilege_of(scheme), least_for(markers, scheme)});
                }
            }
        }
        sets_.clear();
        privileges_.clear();
        return true;
    }

    // The last privilege level the permission gives scheme, or 0.
    int privilege_of(std::string_view scheme) const {
        for (auto it = privileges_.rbegin(); it != privileges_.rend(); ++it)
            if (it->first == scheme) return it->second;
        return 0;
    }

    static constexpr uint64_t kMaxGrants = 1000000;

    PermissionIndex& index_;
    std::string_view text_;
    uint64_t grants_ = 0;
    std::vector<std::string_view> keys_;  // the member name each open container is at (its last one)
    std::vector<bool> objects_;           // whether each open container is an object
    std::string_view current_;            // the permission being read
    std::vector<PathSet> sets_;
    std::vector<std::pair<std::string_view, int>> privileges_;  // scheme -> privilege level, as read
    std::deque<std::string> decoded_;                           // copies of decoded names and strings
    std::string pathBuffer_;
};

std::unique_ptr<PermissionIndex> build_index(std::string_view text, std::string& problem) {
    auto built = std::make_unique<PermissionIndex>();
    if (text.empty()) return built;
    ReferenceReader reader(*built, text);
    ParseLimits limits;
    limits.maxBytes = std::max<size_t>(limits.maxBytes, 64u * 1024u * 1024u);
    JsonScanner<ReferenceReader> scanner(text, limits, reader, false);
    const bool read = scanner.scan_document();
    if (!reader.problem.empty()) {
        problem = reader.problem;
        return nullptr;
    }
    if (!read) {
        problem = "not a permissions reference (at byte " + std::to_string(scanner.error().begin) + ": " + scanner.error().message + ")";
        return nullptr;
    }
    if (!reader.sawPermissions) {
        problem = "not a permissions reference: no \"permissions\" object";
        return nullptr;
    }
    return built;
}

std::unique_ptr<PermissionIndex>& current_index() {
    static std::unique_ptr<PermissionIndex> index;
    return index;
}

// The reference compiled in (native builds), or the one loaded at run time (the page).
const PermissionIndex& permission_index() {
    auto& index = current_index();
    if (!index) {
        std::string ignored;
        index = build_index(embedded_pack("permissions"), ignored);
        if (!index) index = std::make_unique<PermissionIndex>();
    }
    return *index;
}

}  // namespace

std::string load_permissions(std::string_view json) {
    std::string problem;
    std::unique_ptr<PermissionIndex> index = build_index(json, problem);
    if (!index) return problem;
    current_index() = std::move(index);
    return {};
}

bool permissions_loaded() { return !permission_index().byPath.empty(); }

PermissionSet Catalog::permissions_for(std::string_view method, std::string_view pathTemplate) const {
    PermissionSet out;
    if (!usesGraphPermissions_) return out;
    const PermissionIndex& index = permission_index();
    std::string path;
    normalize_path(pathTemplate, path);
    auto grants = index.byPath.find(path);
    const uint32_t methodPlace = index.methods.find(method);
    if (grants == index.byPath.end() || methodPlace == Interned::kNone) return out;
    auto fill = [&](std::string_view scheme, std::vector<std::string>& into) {
        const uint32_t schemePlace = index.schemes.find(scheme);
        if (schemePlace == Interned::kNone) return;
        std::vector<const Grant*> listed;
        for (const Grant& g : grants->second)
            if (g.method == methodPlace && g.scheme == schemePlace) listed.push_back(&g);
        // Least privileged first, then by privilege level and name; otherwise in the reference's order.
        std::stable_sort(listed.begin(), listed.end(), [&](const Grant* a, const Grant* b) {
            if (a->least != b->least) return a->least;
            if (a->privilege != b->privilege) return a->privilege < b->privilege;
            return index.names.text(a->name) < index.names.text(b->name);
        });
        for (const Grant* g : listed) into.push_back(index.names.text(g->name));
    };
    for (const Grant& g : grants->second) out.found = out.found || g.method == methodPlace;
    fill("DelegatedWork", out.delegatedWork);
    fill("DelegatedPersonal", out.delegatedPersonal);
    fill("Application", out.application);
    return out;
}

}  // namespace gpb
