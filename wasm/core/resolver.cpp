// METHOD + URL -> an operation, by the OData URL conventions: entity sets and singletons, key
// segments, contained navigation at any depth, type casts, bound actions and functions, and the
// $ref, $value and $count segments. Nothing here lists paths: every operation is made from the model.
#include <algorithm>
#include <cctype>

#include "catalog.hpp"
#include "http_text.hpp"
#include "text.hpp"

namespace gpb {

namespace {

// The path part of a URL or path: no scheme and host, no query or fragment, no version segment.
std::string_view path_of(std::string_view url, std::string_view version) {
    url = url_path(url);
    while (!url.empty() && url[0] == '/') url.remove_prefix(1);
    for (std::string_view v : {version, std::string_view("v1.0"), std::string_view("beta")}) {
        if (v.empty()) continue;
        if (url.size() >= v.size() && equal_ignoring_case(url.substr(0, v.size()), v) && (url.size() == v.size() || url[v.size()] == '/'))
            return url.substr(v.size());
    }
    return url;
}

// Path segments, '/' inside parentheses or quotes not splitting ("users('a/b')").
std::vector<std::string> split_segments(std::string_view path) {
    std::vector<std::string> out;
    std::string current;
    int depth = 0;
    bool quoted = false;
    for (char c : path) {
        if (c == '\'') quoted = !quoted;
        else if (!quoted && c == '(') ++depth;
        else if (!quoted && c == ')' && depth > 0) --depth;
        if (c == '/' && depth == 0 && !quoted) {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

bool is_placeholder(std::string_view s) { return s.size() >= 2 && s.front() == '{' && s.back() == '}'; }

std::string key_placeholder(const TypeDef* type) { return "{" + (type ? type->shortName : std::string("item")) + "Id}"; }

std::string plural(const std::string& word) {
    if (word.empty()) return word;
    char last = word.back();
    if (last == 's' || last == 'x' ||
        (word.size() > 1 && (word.compare(word.size() - 2, 2, "ch") == 0 || word.compare(word.size() - 2, 2, "sh") == 0)))
        return word + "es";
    if (last == 'y' && word.size() > 1 && std::string("aeiou").find(word[word.size() - 2]) == std::string::npos)
        return word.substr(0, word.size() - 1) + "ies";
    return word + "s";
}

}  // namespace

// Walks the segments of one URL.
class Resolver {
public:
    Resolver(const Catalog& catalog, std::string_view method) : c_(catalog), method_(method) {}

    Resolution run(std::string_view url) {
        std::string_view path = path_of(url, c_.urlVersion().empty() ? c_.rootPath() : std::string_view(c_.urlVersion()));
        std::vector<std::string> segments = split_segments(path);
        if (segments.empty()) return fail("The URL has no resource path after the version.", "");
        size_t first = enter_multi_segment_set(segments);
        for (size_t i = first; i < segments.size(); ++i) {
            if (!step(segments[i], i == 0)) return std::move(result_);
        }
        return finish();
    }

private:
    enum class At { Root, Collection, Entity, Property, Ref, Value, Count, Action };

    Resolution fail(std::string problem, std::string segment) {
        result_.problem = std::move(problem);
        result_.segment = std::move(segment);
        return result_;
    }
    bool fail_step(std::string problem, const std::string& segment) {
        fail(std::move(problem), segment);
        return false;
    }

    static void split_call(const std::string& segment, std::string& name, std::string& args, bool& hasArgs) {
        size_t open = segment.find('(');
        hasArgs = open != std::string::npos && segment.back() == ')';
        name = hasArgs ? segment.substr(0, open) : segment;
        args = hasArgs ? segment.substr(open + 1, segment.size() - open - 2) : std::string();
    }

    bool step(const std::string& raw, bool first) {
        std::string segment = percent_decode(raw);
        std::string name, args;
        bool hasArgs = false;
        split_call(segment, name, args, hasArgs);
        if (first) return step_root(segment, name, args, hasArgs);
        switch (at_) {
            case At::Collection: return step_collection(raw, segment, name, args, hasArgs);
            case At::Entity: return step_entity(segment, name, args, hasArgs);
            case At::Property:
                if (segment == "$value") return to(At::Value, "/$value");
                return fail_step("\"" + property_->name + "\" is a property: nothing can be addressed below it.", segment);
            case At::Ref:
            case At::Value:
            case At::Count: return fail_step("Nothing can follow " + template_.substr(template_.rfind('/') + 1) + ".", segment);
            case At::Action:
                if (action_ && action_->function && action_->returns && action_->returnValue.structured) {
                    type_ = action_->returnValue.structured;
                    return action_->returnValue.collection ? step_collection(raw, segment, name, args, hasArgs)
                                                           : step_entity(segment, name, args, hasArgs);
                }
                return fail_step("An action's result cannot be addressed further.", segment);
            case At::Root: break;
        }
        return fail_step("Unexpected segment.", segment);
    }

    bool to(At at, const std::string& append) {
        at_ = at;
        template_ += append;
        return true;
    }

    bool step_root(const std::string& segment, const std::string& name, const std::string& args, bool hasArgs) {
        const EntitySet* set = c_.container_member(name);
        if (set && set->type) {
            set_ = set;
            type_ = set->type;
            template_ = "/" + set->name;
            at_ = set->collection ? At::Collection : At::Entity;
            if (set->collection && hasArgs) return key(args);
            return true;
        }
        auto unbound = c_.unbound_actions(last_name(name));
        if (!unbound.empty()) return call(unbound.front(), segment, hasArgs);
        return fail_step("\"" + name + "\" is not an entity set, singleton or operation of " + c_.name() + ".", segment);
    }

    // A catalog written by hand (a model derived from a page) may name an entity set by a path of
    // several segments ("/security/incidentTasks"); returns how many segments it took.
    size_t enter_multi_segment_set(const std::vector<std::string>& segments) {
        for (const auto& set : c_.entitySets()) {
            std::vector<std::string_view> parts = path_segments(set->path);
            if (parts.size() < 2 || parts.size() > segments.size() || !set->type) continue;
            bool match = true;
            for (size_t i = 0; i < parts.size() && match; ++i) match = equal_ignoring_case(parts[i], segments[i]);
            if (!match) continue;
            set_ = set.get();
            type_ = set->type;
            template_ = set->path;
            at_ = set->collection ? At::Collection : At::Entity;
            return parts.size();
        }
        return 0;
    }

    bool step_collection(const std::string& raw, const std::string& segment, const std::string& name, const std::string& args,
                         bool hasArgs) {
        if (segment == "$count") return to(At::Count, "/$count");
        if (segment == "$ref") return to(At::Ref, "/$ref");
        if (!is_placeholder(raw) && name.find('.') != std::string::npos) {
            if (const TypeDef* cast = cast_type(name)) {
                type_ = cast;
                template_ += "/" + cast->name;
                if (hasArgs) return key(args);
                return true;
            }
        }
        if (!is_placeholder(raw)) {
            if (const ActionDef* a = c_.bound_action(last_name(name), type_, true)) return call(a, segment, hasArgs);
        }
        // Anything else is a key: "{id}", a literal id, or an alternate key "(userPrincipalName='x')".
        return key(segment);
    }

    bool key(const std::string& value) {
        std::string placeholder = key_placeholder(type_);
        // A path may key the same type twice (folders/{folderId}/children/{folderId2}).
        for (int n = 2; template_.find(placeholder) != std::string::npos; ++n)
            placeholder = key_placeholder(type_).insert(key_placeholder(type_).size() - 1, std::to_string(n));
        std::string v = value;
        if (is_placeholder(v)) v.clear();
        if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') v = v.substr(1, v.size() - 2);
        result_.parameters.emplace_back(placeholder.substr(1, placeholder.size() - 2), v);
        template_ += "/" + placeholder;
        at_ = At::Entity;
        keyed_ = true;
        return true;
    }

    bool step_entity(const std::string& segment, const std::string& name, const std::string& args, bool hasArgs) {
        if (segment == "$ref") return to(At::Ref, "/$ref");
        if (segment == "$value") {
            if (!has_stream(type_))
                return fail_step(type_->shortName + " is not a media entity (it has no stream): $value addresses nothing.", segment);
            return to(At::Value, "/$value");
        }
        if (name.find('.') != std::string::npos) {
            if (const TypeDef* cast = cast_type(name)) {
                type_ = cast;
                template_ += "/" + cast->name;
                return true;
            }
        }
        std::string plain = last_name(name);
        if (const PropertyDef* prop = property_named(plain)) {
            if (prop->navigation) {
                nav_ = prop;
                type_ = prop->structured;
                template_ += "/" + prop->name;
                at_ = prop->collection ? At::Collection : At::Entity;
                keyed_ = false;
                if (prop->collection && hasArgs) return key(args);
                return true;
            }
            property_ = prop;
            template_ += "/" + prop->name;
            at_ = At::Property;
            return true;
        }
        if (const ActionDef* a = c_.bound_action(plain, type_, false)) return call(a, segment, hasArgs);
        return fail_step("\"" + name + "\" is not a property, navigation property, action or function of " + type_->shortName + ".",
                         segment);
    }

    static bool has_stream(const TypeDef* type) {
        for (const TypeDef* t = type; t; t = t->base)
            if (t->hasStream) return true;
        return false;
    }

    // A type cast: the named type must derive from the one addressed (or be it).
    const TypeDef* cast_type(const std::string& name) {
        const TypeDef* t = c_.type(name);
        if (!t) t = c_.type_ignoring_case(name);
        if (t && type_ && t->is_or_derives_from(type_)) return t;
        return nullptr;
    }

    static std::string last_name(const std::string& name) {
        size_t dot = name.rfind('.');
        return dot == std::string::npos ? name : name.substr(dot + 1);
    }

    // A property of the addressed type, or of a type derived from it (Graph's docs often leave the cast out).
    const PropertyDef* property_named(const std::string& name) {
        if (const PropertyDef* p = type_->property(name)) return p;
        for (const PropertyDef* p : type_->properties)
            if (equal_ignoring_case(p->name, name)) return p;
        return nullptr;
    }

    bool call(const ActionDef* a, const std::string& segment, bool hasArgs) {
        action_ = a;
        size_t open = segment.find('(');
        hasArgs_ = hasArgs && open != std::string::npos && segment.size() > open + 2;
        std::string ns = a->qualifiedName.substr(0, a->qualifiedName.size() - a->name.size() - 1);
        template_ += "/" + (ns == c_.defaultNamespace() ? a->name : a->qualifiedName) + (a->function ? (hasArgs_ ? "(...)" : "()") : "");
        at_ = At::Action;
        (void)segment;
        return true;
    }

    Resolution finish() {
        auto op = std::make_unique<OperationDef>();
        op->method = method_;
        op->version = c_.urlVersion().empty() ? c_.name() : c_.urlVersion();
        if (c_.urlVersion().empty()) op->baseUrl = c_.host();
        op->path = template_;
        op->addressType = type_;
        for (const auto& [name, value] : result_.parameters) op->pathParameters.push_back(name);
        op->headers = {{"Authorization", "Bearer {token}", true}};
        std::string problem = shape(*op);
        if (!problem.empty()) return fail(problem, "");
        if (op->has_body()) op->headers.push_back({"Content-Type", "application/json", true});
        if (!nav_ && set_) op->entitySet = set_;
        note_restrictions(*op);
        // The overlay's operations carry their own permissions; reading the reference for them
        // would cost every start of the command its index.
        if (c_.overlayResolved_) fill_permissions(*op);
        op->id = method_ + " " + template_;
        const OperationDef* made = c_.remember(std::move(op));
        result_.operation = made;
        return result_;
    }

    // What the metadata restricts on the navigation property addressed is said, not refused: Graph's
    // restrictions are not always current, and a false error is worse than a caveat.
    void note_restrictions(OperationDef& op) const {
        if (!nav_) return;
        const char* term = nullptr;
        if (op.kind == OperationKind::Create && !nav_->insertable) term = "does not accept inserts (Capabilities.InsertRestrictions)";
        else if ((op.kind == OperationKind::Update || op.kind == OperationKind::Replace) && !nav_->updatable)
            term = "cannot be updated (Capabilities.UpdateRestrictions)";
        else if (op.kind == OperationKind::Delete && !nav_->deletable) term = "cannot be deleted from (Capabilities.DeleteRestrictions)";
        if (term) op.caveats.push_back("The metadata says " + nav_->name + " " + term + ".");
    }

    void fill_permissions(OperationDef& op) const {
        PermissionSet perms = c_.permissions_for(method_, template_);
        // The reference writes actions without their namespace.
        if (!perms.found && action_ && action_->qualifiedName != action_->name) {
            std::string shortTemplate = template_;
            size_t at = shortTemplate.rfind("/" + action_->qualifiedName);
            if (at != std::string::npos) shortTemplate.replace(at + 1, action_->qualifiedName.size(), action_->name);
            perms = c_.permissions_for(method_, shortTemplate);
        }
        if (!perms.found) return;
        op.permissionsSource = "reference";
        op.permissionsDelegatedWork = std::move(perms.delegatedWork);
        op.permissionsDelegatedPersonal = std::move(perms.delegatedPersonal);
        op.permissionsApplication = std::move(perms.application);
    }

    // Fills what the operation takes and returns; the problem when the method does not apply.
    std::string shape(OperationDef& op) {
        const std::string& m = method_;
        const std::string typeName = type_ ? type_->shortName : std::string();
        op.resource = typeName;
        switch (at_) {
            case At::Collection: return shape_collection(op, typeName);
            case At::Entity: return shape_entity(op, typeName);
            case At::Ref: return shape_ref(op, typeName);
            case At::Value: return shape_value(op, typeName);
            case At::Count:
                if (m != "GET") return "$count is read with GET.";
                return shape_read(op, OperationKind::Count, "Count " + plural(typeName), nullptr, "count");
            case At::Property:
                if (m != "GET")
                    return "A single property (" + property_->name + ") is read with GET; change it with PATCH on " + typeName + ".";
                return shape_read(op, OperationKind::PropertyRead, "Get " + typeName + " " + property_->name, nullptr, "value");
            case At::Action: return shape_action(op);
            case At::Root: break;
        }
        return "The URL addresses nothing.";
    }

    static void set_response(OperationDef& op, const TypeDef* t, int status, const char* reason, const char* shapeName) {
        op.responseType = t;
        op.responseTypeName = t ? t->name : std::string();
        op.responseStatus = status;
        op.responseReason = reason;
        op.responseShape = shapeName;
    }

    // A GET: no body, 200 and what it reads.
    static std::string shape_read(OperationDef& op, OperationKind kind, std::string title, const TypeDef* type, const char* shapeName) {
        op.kind = kind;
        op.title = std::move(title);
        op.bodyKind = "none";
        set_response(op, type, 200, "OK", shapeName);
        op.statuses = {200};
        return std::string();
    }

    // An entity set or a collection-valued navigation: listed with GET, added to with POST.
    std::string shape_collection(OperationDef& op, const std::string& typeName) {
        const std::string& m = method_;
        if (m == "GET") return shape_read(op, OperationKind::List, "List " + plural(typeName), type_, "collection");
        if (m != "POST") return m + " does not apply to a collection (" + template_ + "): use GET to list or POST to create.";
        if (set_ && set_->collection && !nav_ && !set_->insertable)
            return "The metadata says " + set_->name + " does not accept inserts (Capabilities.InsertRestrictions).";
        op.kind = OperationKind::Create;
        op.title = "Create " + typeName;
        op.bodyType = type_;
        op.bodyTypeName = type_->name;
        set_response(op, type_, 201, "Created", "entity");
        op.statuses = {201, 200, 202, 204};
        return {};
    }

    // One entity: read, updated, replaced or deleted, as far as the metadata allows.
    std::string shape_entity(OperationDef& op, const std::string& typeName) {
        const std::string& m = method_;
        if (m == "GET") return shape_read(op, OperationKind::Read, "Get " + typeName, type_, "entity");
        if ((m == "PATCH" || m == "PUT") && set_ && !nav_ && !set_->updatable)
            return "The metadata says " + set_->name + " cannot be updated (Capabilities.UpdateRestrictions).";
        if (m == "DELETE" && set_ && !nav_ && !set_->deletable)
            return "The metadata says " + set_->name + " cannot be deleted from (Capabilities.DeleteRestrictions).";
        if (m == "PATCH" || m == "PUT") {
            op.kind = m == "PATCH" ? OperationKind::Update : OperationKind::Replace;
            op.title = (m == "PATCH" ? "Update " : "Replace ") + typeName;
            op.bodyType = type_;
            op.bodyTypeName = type_->name;
            set_response(op, type_, 200, "OK", "entity");
            op.statuses = {200, 204, 202};
            return {};
        }
        if (m == "DELETE") {
            op.kind = OperationKind::Delete;
            op.title = "Delete " + typeName;
            op.bodyKind = "none";
            set_response(op, nullptr, 204, "No Content", "none");
            op.statuses = {204, 200, 202};
            return {};
        }
        return m + " does not apply to a single " + typeName + " (" + template_ +
               "): use GET, PATCH, PUT or DELETE; POST goes to a collection or an action.";
    }

    // $ref: the link itself, read, added or removed.
    std::string shape_ref(OperationDef& op, const std::string& typeName) {
        const std::string& m = method_;
        op.kind = OperationKind::Reference;
        op.title = "Reference to " + typeName;
        op.bodyKind = (m == "POST" || m == "PUT") ? "reference" : "none";
        if (m == "GET") {
            set_response(op, nullptr, 200, "OK", keyed_ || !nav_ || !nav_->collection ? "entity" : "collection");
            op.statuses = {200};
        } else if (m == "POST" || m == "PUT" || m == "DELETE") {
            set_response(op, nullptr, 204, "No Content", "none");
            op.statuses = {204, 200};
        } else {
            return m + " does not apply to $ref.";
        }
        return {};
    }

    // $value: the media content of a stream entity or property.
    std::string shape_value(OperationDef& op, const std::string& typeName) {
        const std::string& m = method_;
        op.kind = OperationKind::Media;
        op.title = "Content of " + (property_ ? property_->name : typeName);
        op.bodyKind = (m == "PUT" || m == "PATCH") ? "binary" : "none";
        if (m == "GET") set_response(op, nullptr, 200, "OK", "binary"), op.statuses = {200, 302};
        else if (m == "PUT" || m == "PATCH") set_response(op, nullptr, 204, "No Content", "none"), op.statuses = {204, 200, 201};
        else if (m == "DELETE") set_response(op, nullptr, 204, "No Content", "none"), op.statuses = {204};
        else return m + " does not apply to $value.";
        return {};
    }

    std::string shape_action(OperationDef& op) {
        const ActionDef& a = *action_;
        op.action = &a;
        op.resource = a.bindingType ? a.bindingType->shortName : a.name;
        op.title = a.name + (a.function ? " (function)" : " (action)");
        op.description = a.parameters.description;
        if (a.function) {
            if (method_ != "GET") return a.name + " is a function: call it with GET.";
            op.kind = OperationKind::Function;
            op.bodyKind = "none";
        } else {
            if (method_ != "POST") return a.name + " is an action: call it with POST.";
            op.kind = OperationKind::Action;
            if (!a.parameters.ownProperties.empty()) {
                op.bodyType = &a.parameters;
                op.bodyTypeName = a.parameters.name;
                op.bodyKind = "parameters";
                op.required = a.requiredParameters;
            } else {
                op.bodyKind = "none";
            }
        }
        if (!a.returns) {
            op.responseStatus = 204;
            op.responseReason = "No Content";
            op.responseShape = "none";
            op.statuses = {204, 200, 202};
            return {};
        }
        op.responseStatus = 200;
        op.responseReason = "OK";
        op.statuses = {200, 201, 202};
        const PropertyDef& r = a.returnValue;
        op.responseTypeName = r.typeName;
        op.responseType = r.structured;
        op.responseShape = r.collection ? "collection" : r.structured ? "entity" : "value";
        return {};
    }

    const Catalog& c_;
    std::string method_;
    Resolution result_;
    At at_ = At::Root;
    const EntitySet* set_ = nullptr;
    const TypeDef* type_ = nullptr;
    const PropertyDef* nav_ = nullptr;
    const PropertyDef* property_ = nullptr;
    const ActionDef* action_ = nullptr;
    bool keyed_ = false, hasArgs_ = false;
    std::string template_;
};

Resolution Catalog::resolve(std::string_view method, std::string_view path) const {
    std::string m = to_upper(method);
    if (!is_http_method(m)) {
        Resolution r;
        r.problem = "\"" + std::string(method) + "\" is not an HTTP method Graph uses (GET, POST, PATCH, PUT, DELETE).";
        return r;
    }
    Resolver resolver(*this, m);
    return resolver.run(path);
}

const OperationDef* Catalog::remember(std::unique_ptr<OperationDef> op) const {
    // Made while the overlay resolves (without permissions): kept, but not as the answer for later.
    if (!overlayResolved_) {
        overlayScratch_.push_back(std::move(op));
        return overlayScratch_.back().get();
    }
    auto it = resolved_.find(op->id);
    if (it != resolved_.end()) return it->second.get();
    // An overlay operation with the same method and path is the curated form of this one.
    for (const auto& curated : operations_)
        if (overlayResolved_ && curated->method == op->method && equal_ignoring_case(curated->path, op->path) &&
            curated->bodyType == op->bodyType)
            return curated.get();
    const OperationDef* made = op.get();
    resolved_.emplace(op->id, std::move(op));
    return made;
}

namespace {

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
    if (needle.empty()) return true;
    for (size_t i = 0; i + needle.size() <= text.size(); ++i)
        if (equal_ignoring_case(text.substr(i, needle.size()), needle)) return true;
    return false;
}

}  // namespace

// A breadth-first walk of the addressable paths (container members, then contained navigation,
// at most four levels deep and a bounded number of paths), keeping those whose path, type or
// action names the text.
std::vector<const OperationDef*> Catalog::search(std::string_view text, size_t limit) const {
    std::vector<const OperationDef*> found;
    auto offer = [&](const std::string& method, const std::string& path) {
        if (found.size() >= limit) return;
        Resolution r = resolve(method, path);
        if (r.operation && std::find(found.begin(), found.end(), r.operation) == found.end()) found.push_back(r.operation);
    };
    for (const auto& op : operations_)
        if (contains_ignoring_case(op->id, text) || contains_ignoring_case(op->path, text) || contains_ignoring_case(op->title, text))
            found.push_back(op.get());
    struct Node {
        std::string path;
        const TypeDef* type;
        bool collection;
        int depth;
    };
    std::vector<Node> queue;
    for (const auto& set : entitySets_)
        if (set->type) queue.push_back({set->path, set->type, set->collection, 0});
    constexpr size_t kMaxPaths = 20000;
    for (size_t at = 0; at < queue.size() && at < kMaxPaths && found.size() < limit; ++at) {
        const Node node = queue[at];
        std::string item = node.collection ? node.path + "/{" + node.type->shortName + "Id}" : node.path;
        bool named = contains_ignoring_case(node.path, text) || contains_ignoring_case(node.type->name, text);
        if (named) {
            if (node.collection) {
                offer("GET", node.path);
                offer("POST", node.path);
            }
            offer("GET", item);
            offer("PATCH", item);
            offer("DELETE", item);
        }
        for (const auto& action : actions_) {
            if (!action->bound || !action->bindingType || !contains_ignoring_case(action->name, text)) continue;
            if (!node.type->is_or_derives_from(action->bindingType)) continue;
            offer(action->function ? "GET" : "POST", (action->bindingCollection ? node.path : item) + "/" + action->name);
        }
        if (node.depth >= 3) continue;
        for (const PropertyDef* prop : node.type->properties)
            if (prop->navigation && prop->containsTarget && prop->structured)
                queue.push_back({item + "/" + prop->name, prop->structured, prop->collection, node.depth + 1});
    }
    if (found.size() > limit) found.resize(limit);
    return found;
}

const EntitySet* Catalog::container_member(std::string_view name) const {
    for (const auto& set : entitySets_)
        if (set->name == name) return set.get();
    for (const auto& set : entitySets_)
        if (equal_ignoring_case(set->name, name)) return set.get();
    return nullptr;
}

const ActionDef* Catalog::bound_action(std::string_view name, const TypeDef* type, bool collection) const {
    if (!type) return nullptr;
    auto range = actionsByName_.equal_range(to_lower(name));
    const ActionDef* best = nullptr;
    size_t bestDistance = SIZE_MAX;
    for (auto it = range.first; it != range.second; ++it) {
        const ActionDef* a = it->second;
        if (!a->bound || a->bindingCollection != collection || !a->bindingType) continue;
        size_t distance = 0;
        const TypeDef* t = type;
        while (t && t != a->bindingType) t = t->base, ++distance;
        if (t && distance < bestDistance) best = a, bestDistance = distance;
    }
    return best;
}

std::vector<const ActionDef*> Catalog::unbound_actions(std::string_view name) const {
    std::vector<const ActionDef*> out;
    auto range = actionsByName_.equal_range(to_lower(name));
    for (auto it = range.first; it != range.second; ++it)
        if (!it->second->bound) out.push_back(it->second);
    return out;
}

}  // namespace gpb
