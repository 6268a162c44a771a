#include "doc_lint.hpp"
#include "diagnostic_codes.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "http_text.hpp"
#include "source_locator.hpp"
#include "text.hpp"
#include "validator.hpp"

namespace gpb {

using ojson = nlohmann::ordered_json;

namespace {

void add(Diagnostics& out, Severity severity, const char* code, uint32_t line, uint32_t column, uint32_t endColumn, std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.line = d.endLine = line;
    d.column = column;
    d.endColumn = std::max(endColumn, column);
    d.message = std::move(message);
    out.push_back(std::move(d));
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out.empty() ? "none" : out;
}

struct UrlParts {
    std::string version, path;
    std::vector<std::string> problems;
};

// Splits an example URL into version and path, saying what is wrong with it.
UrlParts split_url(const std::string& url) {
    UrlParts parts;
    std::string normalized = url;
    if (normalized.find('\\') != std::string::npos) {
        parts.problems.push_back("it contains a backslash");
        std::replace(normalized.begin(), normalized.end(), '\\', '/');
    }
    bool absolute = normalized.find("://") != std::string::npos;
    std::string rest(url_path(normalized));
    if (rest.empty() || rest[0] != '/') rest.insert(0, "/");  // "" or "path" without its slash
    size_t second = rest.find('/', 1);
    std::string first = rest.substr(1, second == std::string::npos ? std::string::npos : second - 1);
    if (first == "beta" || first == "v1.0") {
        parts.version = first;
        parts.path = second == std::string::npos ? "/" : rest.substr(second);
    } else if (!absolute && !first.empty()) {
        parts.path = rest;  // a path relative to the service root ("GET /me/drive"): the page's version
    } else {
        parts.problems.push_back(first.empty() ? "it has no version segment" : "\"" + first + "\" is not a version (beta or v1.0)");
        parts.path = rest;
    }
    int depth = 0;
    for (char c : parts.path) {
        if (c == '{') ++depth;
        if (c == '}') --depth;
        if (depth < 0 || depth > 1) break;
    }
    if (depth != 0) parts.problems.push_back("a {placeholder} is not closed");
    return parts;
}

const DocHeader* header(const DocExample& ex, std::string_view name) {
    for (const auto& h : ex.headers)
        if (equal_ignoring_case(h.name, name)) return &h;
    return nullptr;
}

// A request whose Content-Type names something other than JSON (MIME mail, a file) has no JSON body.
bool sends_json(const DocExample& ex) {
    const DocHeader* type = header(ex, "Content-Type");
    if (!type) return true;
    return to_lower(type->value).find("json") != std::string::npos;
}

// The Graph version a page is written for: the first example URL that names one; else beta when the
// page carries the beta disclaimer; else "" (unknown).
std::string page_version(const DocPage& page, std::string_view text) {
    for (const auto& ex : page.examples)
        if (ex.kind == DocExample::Kind::Request)
            if (std::string v = split_url(ex.url).version; !v.empty()) return v;
    for (const auto& http : page.httpRequests)
        if (std::string v = split_url(http.path).version; !v.empty()) return v;
    return text.find("beta-disclaimer") != std::string_view::npos ? "beta" : "";
}

void check_content_length(const DocExample& ex, Diagnostics& out) {
    const DocHeader* declared = header(ex, "Content-Length");
    if (!declared || !ex.hasBody) return;
    if (declared->value.empty() ||
        !std::all_of(declared->value.begin(), declared->value.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
        add(out, Severity::Warning, code_name(Code::ContentLength), declared->line, 1,
            1 + utf16_length(declared->name + ": " + declared->value),
            "Content-Length must be a byte count, not \"" + declared->value + "\".");
        return;
    }
    size_t lf = 0, newlines = 0;
    for (char c : ex.body) {
        if (c == '\r') continue;
        ++lf;
        if (c == '\n') ++newlines;
    }
    size_t crlf = lf + newlines;
    unsigned long long value = std::stoull(declared->value.substr(0, 18));
    if (value == lf || value == crlf) return;
    add(out, Severity::Warning, code_name(Code::ContentLength), declared->line, 1,
        1 + utf16_length(declared->name + ": " + declared->value),
        "Content-Length says " + declared->value + ", but the body is " + std::to_string(lf) + " bytes with LF line ends (" +
            std::to_string(crlf) + " with CRLF).");
}

// Body diagnostics are relative to the body; the page wants its own lines and columns.
void to_page(const DocExample& ex, Diagnostics& diagnostics) {
    for (auto& d : diagnostics) {
        if (d.line == 1) d.column += ex.bodyColumn - 1;
        if (d.endLine == 1) d.endColumn += ex.bodyColumn - 1;
        d.line += ex.bodyLine - 1;
        d.endLine += ex.bodyLine - 1;
    }
}

std::string edm_type(const std::string& docsType) {
    static const char* const primitives[] = {"String", "Int32", "Int64", "Double", "Boolean", "DateTimeOffset", "Guid"};
    for (const char* p : primitives)
        if (equal_ignoring_case(docsType, p)) return std::string("Edm.") + p;
    return "";
}

std::string lower_first(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

// A catalog document for an operation the catalog lacks, from the page's own tables.
ojson derive_model(const Catalog& catalog, const DocPage& page, const DocHttpLine& http) {
    std::string resource = page.title.substr(page.title.rfind(' ') + 1);
    std::string typeName = "microsoft.graph." + resource;
    ojson properties = ojson::object(), enums = ojson::object();
    for (const auto& p : page.properties) {
        ojson prop;
        std::string edm = edm_type(p.type);
        if (!edm.empty()) {
            prop["type"] = edm;
        } else if (!p.members.empty()) {
            std::string enumName =
                "microsoft.graph." +
                (equal_ignoring_case(p.type, "Enumeration") ? resource + char(std::toupper(p.name[0])) + p.name.substr(1) : p.type);
            enums[enumName] = {{"members", p.members}};
            prop["type"] = enumName;
        } else if (const TypeDef* known = catalog.type("microsoft.graph." + p.type)) {
            prop["type"] = known->name;
        } else if (const TypeDef* known2 = catalog.type_ignoring_case("microsoft.graph." + p.type)) {
            prop["type"] = known2->name;
        } else {
            prop["type"] = "Edm.Untyped";
        }
        if (p.collection) prop["collection"] = true;
        if (p.name == "id") prop["serverAssigned"] = true;
        if (p.description.find("Read-only") != std::string::npos) prop["readOnly"] = true;
        prop["description"] = p.description;
        properties[p.name] = prop;
    }
    std::string path = http.path;
    std::string setPath = path, key;
    size_t brace = path.rfind("/{");
    if (brace != std::string::npos && path.back() == '}') {
        setPath = path.substr(0, brace);
        key = path.substr(brace + 2, path.size() - brace - 3);
    }
    std::string verb = http.method == "POST" ? "create" : http.method == "PATCH" ? "update" : http.method == "DELETE" ? "delete" : "get";
    ojson permissions = {{"delegatedWork", ojson::array()}, {"delegatedPersonal", ojson::array()}, {"application", ojson::array()}};
    for (const auto& row : page.permissions) {
        const char* field = row.type.find("work") != std::string::npos       ? "delegatedWork"
                            : row.type.find("personal") != std::string::npos ? "delegatedPersonal"
                                                                             : "application";
        permissions[field] = row.names;
    }
    ojson headers = ojson::array();
    for (const auto& h : page.requestHeaders) headers.push_back({{"name", h.name}, {"value", h.value}});
    ojson op = {{"id", lower_first(resource) + "." + verb},
                {"resource", lower_first(resource)},
                {"title", page.title},
                {"method", http.method},
                {"version", "beta"},
                {"path", path},
                {"bodyType", typeName},
                {"required", ojson::array()},
                {"headers", headers},
                {"response",
                 {{"status", http.method == "POST" ? 201 : 200}, {"reason", http.method == "POST" ? "Created" : "OK"}, {"type", typeName}}},
                {"permissions", permissions},
                {"caveats", {"Derived from the documentation page; review before relying on it."}}};
    return {{"types", {{typeName, {{"kind", "entity"}, {"base", "microsoft.graph.entity"}, {"properties", properties}}}}},
            {"enums", enums},
            {"entitySets", {{{"path", setPath}, {"type", typeName}, {"key", key}}}},
            {"operations", {op}}};
}

bool in_subtypes(const TypeDef& type, const std::string& name) {
    for (const TypeDef* sub : type.derived)
        if (sub->property(name) || in_subtypes(*sub, name)) return true;
    return false;
}

void compare_with_catalog(const OperationDef& op, const DocPage& page, Diagnostics& out) {
    uint32_t httpLine = page.httpRequests.empty() ? 1 : page.httpRequests.front().line;
    if (!op.documented)
        add(out, Severity::Info, code_name(Code::UndocumentedOperation), httpLine, 1, 2,
            op.method + " " + op.path + " is not among the documented methods of " + op.resource + ": " +
                (op.caveats.empty() ? std::string("it may not be supported.") : op.caveats.front()));
    for (const auto& row : page.permissions) {
        if (op.permissionsSource.empty()) break;  // the model knows none: nothing to compare with
        const std::vector<std::string>& expected = row.type.find("work") != std::string::npos       ? op.permissionsDelegatedWork
                                                   : row.type.find("personal") != std::string::npos ? op.permissionsDelegatedPersonal
                                                                                                    : op.permissionsApplication;
        if (row.todo) {
            add(out, Severity::Warning, code_name(Code::PermissionsMismatch), row.line, 1, 2,
                "The permissions for " + row.type + " are marked TODO; the model has: " + join(expected) + ".");
        } else if (std::set<std::string>(row.names.begin(), row.names.end()) != std::set<std::string>(expected.begin(), expected.end())) {
            add(out, Severity::Warning, code_name(Code::PermissionsMismatch), row.line, 1, 2,
                "The page lists " + join(row.names) + " for " + row.type + "; the model has " + join(expected) + ".");
        }
    }
    if (page.properties.empty() || !op.bodyType) return;
    // What the body may carry; a curated operation also says which of it the table must list
    // (a type from the metadata has far more properties than a page's table is meant to show).
    // (A table may list what a derived type adds, and navigation properties that are bound with @odata.bind.)
    auto accepts = [&](const std::string& name) {
        return op.may_send(name) && (op.bodyType->property(name) || in_subtypes(*op.bodyType, name));
    };
    uint32_t tableLine = page.properties.front().line;
    if (op.curated) {
        std::vector<std::string> expected;
        if (op.restrictsUpdates) expected = op.updatable;
        else
            for (const PropertyDef* p : op.bodyType->properties)
                if (!p->navigation) expected.push_back(p->name);
        for (const auto& name : expected) {
            bool listed = std::any_of(page.properties.begin(), page.properties.end(), [&](const DocProperty& p) { return p.name == name; });
            if (!listed)
                add(out, Severity::Warning, code_name(Code::PropertyTableMismatch), tableLine, 1, 2,
                    "The request-body table does not list \"" + name + "\", which " + op.title + " accepts.");
        }
    }
    for (const auto& p : page.properties) {
        if (!accepts(p.name)) {
            add(out, Severity::Warning, code_name(Code::PropertyTableMismatch), p.line, 1, 2,
                "The request-body table lists \"" + p.name + "\", which " + op.title + " does not accept in its body.");
            continue;
        }
        const PropertyDef* model = op.bodyType->property(p.name);
        if (!model || !model->enumeration || p.members.empty()) continue;
        const auto& members = model->enumeration->members;
        if (std::set<std::string>(p.members.begin(), p.members.end()) != std::set<std::string>(members.begin(), members.end()))
            add(out, Severity::Warning, code_name(Code::PropertyTableMismatch), p.line, 1, 2,
                "The page gives " + p.name + " the values " + join(p.members) + "; " + model->enumeration->shortName + " has " +
                    join(members) + ".");
    }
}

}  // namespace

namespace {

// A page's property table is not the whole type: what a model derived from it finds is a warning.
void soften(Diagnostics& diagnostics) {
    for (auto& d : diagnostics)
        if (d.severity == Severity::Error && d.code != code_name(Code::JsonSyntax)) d.severity = Severity::Warning;
}

// A status is wrong only where it contradicts the operation: 201 for an update, a body with 204.
void check_status(const DocExample& ex, const OperationDef& op, Diagnostics& out) {
    if (!ex.status || ex.status >= 300) return;
    if (ex.status == 204 && ex.hasBody) {
        add(out, Severity::Error, code_name(Code::StatusMismatch), ex.line, ex.column, ex.endColumn,
            "The example answers 204 No Content but has a body.");
        return;
    }
    if (op.statuses.empty() || std::find(op.statuses.begin(), op.statuses.end(), ex.status) != op.statuses.end()) return;
    add(out, Severity::Error, code_name(Code::StatusMismatch), ex.line, ex.column, ex.endColumn,
        "The example answers " + std::to_string(ex.status) + ", but " + op.title + " returns " + std::to_string(op.responseStatus) + " " +
            op.responseReason + ".");
}

}  // namespace

bool LintedPage::has_error() const {
    if (gpb::has_error(diagnostics)) return true;
    for (const auto& ex : examples)
        if (gpb::has_error(ex.diagnostics)) return true;
    return false;
}

namespace {

// The models a page's examples are read in: its version's, the other version's for a page that
// names none, and the page's own (derived from its tables) as a fallback for its examples.
struct PageModels {
    const Catalog* graph = nullptr;
    const Catalog* otherVersion = nullptr;
    Catalog pageCatalog;
    bool derived = false;
};

// The operation a request example was matched to, and the model it was found in.
struct Matched {
    const OperationDef* operation = nullptr;
    const Catalog* model = nullptr;
};

// The operation the page documents, from its HTTP request section; the section's line either way.
const OperationDef* documented_operation(const DocPage& page, const PageModels& models, const DocHttpLine*& line) {
    for (const auto& http : page.httpRequests) {
        std::vector<std::pair<std::string, std::string>> params;
        UrlParts url = split_url(http.path);
        const OperationDef* op = match_operation(*models.graph, http.method, url.path, params);
        if (!op && models.otherVersion) op = match_operation(*models.otherVersion, http.method, url.path, params);
        line = &http;
        if (op) return op;
    }
    return nullptr;
}

// An example's JSON body checked against its operation; findings of the page's own model are warnings.
void check_example_body(const DocExample& ex, const Matched& m, const PageModels& models, Direction direction, LintedExample& le) {
    le.type = direction == Direction::Request ? m.operation->bodyTypeName : m.operation->responseTypeName;
    ValidationResult checked = validate_body(*m.model, *m.operation, ex.body, direction);
    to_page(ex, checked.diagnostics);
    if (m.model == &models.pageCatalog) soften(checked.diagnostics);
    le.diagnostics.insert(le.diagnostics.end(), checked.diagnostics.begin(), checked.diagnostics.end());
}

// Each request example is read against the model of its own version, then the page's own model.
Matched match_request(const DocExample& ex, const UrlParts& url, const PageModels& models) {
    Matched m{nullptr, models.graph};
    if (!url.version.empty())
        if (const Catalog* versioned = Catalog::named(url.version)) m.model = versioned;
    std::vector<std::pair<std::string, std::string>> params;
    m.operation = match_operation(*m.model, ex.method, url.path, params, ex.body);
    if (!m.operation && url.version.empty() && models.otherVersion) {
        if (const OperationDef* op = match_operation(*models.otherVersion, ex.method, url.path, params, ex.body))
            m = {op, models.otherVersion};
    }
    if (!m.operation && models.derived) {
        if (const OperationDef* op = match_operation(models.pageCatalog, ex.method, url.path, params, ex.body))
            m = {op, &models.pageCatalog};
    }
    return m;
}

Matched lint_request(const DocExample& ex, const PageModels& models, LintedExample& le) {
    le.method = ex.method;
    UrlParts url = split_url(ex.url);
    le.path = url.path;
    for (const auto& problem : url.problems)
        add(le.diagnostics, Severity::Error, code_name(Code::MalformedUrl), ex.line, ex.urlColumn, ex.endColumn,
            "The URL " + ex.url + " is malformed: " + problem + ".");
    Matched m = match_request(ex, url, models);
    if (!m.operation) {
        Resolution why = m.model->resolve(ex.method, url.path);
        add(le.diagnostics, Severity::Warning, code_name(Code::UncheckedExample), ex.line, ex.column, ex.endColumn,
            ex.method + " " + url.path +
                " was not checked: " + (why.problem.empty() ? std::string("no operation matches it.") : why.problem) +
                (m.model->complete() ? "" : " (only the seed operations' part of the model is loaded)"));
        return m;
    }
    const OperationDef& op = *m.operation;
    le.operation = op.id;
    le.modelSource = m.model == &models.pageCatalog ? "page" : "catalog";
    if (!op.has_body() || !sends_json(ex)) return m;  // no body, or a MIME or binary one: not checked
    if (ex.hasBody) {
        check_example_body(ex, m, models, Direction::Request, le);
    } else if (op.bodyKind != "parameters" || !op.required.empty()) {
        add(le.diagnostics, Severity::Error, code_name(Code::ExampleLayout), ex.line, ex.column, ex.endColumn,
            "This " + op.method + " example has no JSON body after its headers.");
    }
    return m;
}

// A response example belongs to the request example before it.
void lint_response(const DocExample& ex, const Matched& request, const PageModels& models, LintedExample& le) {
    le.status = ex.status;
    if (!request.operation) {
        if (ex.hasBody)
            add(le.diagnostics, Severity::Warning, code_name(Code::UncheckedExample), ex.line, ex.column, ex.endColumn,
                "This response belongs to no operation this tool models: it was not checked.");
        return;
    }
    const OperationDef& op = *request.operation;
    le.operation = op.id;
    le.modelSource = request.model == &models.pageCatalog ? "page" : "catalog";
    check_status(ex, op, le.diagnostics);
    if (ex.hasBody && (op.responseType || op.responseShape == "collection" || op.responseShape == "value") && ex.status < 300)
        check_example_body(ex, request, models, Direction::Response, le);
}

}  // namespace

LintedPage lint_page(const Catalog& catalog, std::string_view text, const std::string& path) {
    LintedPage out;
    out.path = path;
    out.page = read_doc_page(text);
    const DocPage& page = out.page;

    // A page that names no version is read as beta, then as v1.0 where beta has no such operation.
    PageModels models;
    const std::string version = page_version(page, text);
    models.graph = version.empty() ? &catalog : Catalog::named(version);
    if (!models.graph) models.graph = &catalog;
    models.otherVersion = version.empty() ? Catalog::named("v1.0") : nullptr;
    const DocHttpLine* documentedLine = nullptr;
    const OperationDef* documented = documented_operation(page, models, documentedLine);
    // A page for an operation the model lacks brings its own model, a fallback for its examples.
    if (!documented && documentedLine && !page.properties.empty() && !page.title.empty()) {
        out.derivedModel = derive_model(catalog, page, *documentedLine)
                               .dump(2, ' ', false, ojson::error_handler_t::replace);  // page text may not be UTF-8
        models.pageCatalog.load_builtin_and({out.derivedModel});
        models.derived = true;
    }
    if (documented) compare_with_catalog(*documented, page, out.diagnostics);

    Matched lastRequest{nullptr, models.graph};
    for (const auto& ex : page.examples) {
        LintedExample le;
        le.kind = ex.kind;
        le.line = ex.line;
        le.url = ex.url;
        le.body = ex.body;
        for (const auto& problem : ex.layout)
            add(le.diagnostics, problem.warning ? Severity::Warning : Severity::Error, code_name(Code::ExampleLayout), problem.line, 1, 2,
                problem.message);
        if (ex.kind == DocExample::Kind::Request) lastRequest = lint_request(ex, models, le);
        else lint_response(ex, lastRequest, models, le);
        check_content_length(ex, le.diagnostics);
        std::stable_sort(le.diagnostics.begin(), le.diagnostics.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.line != b.line ? a.line < b.line : a.column < b.column; });
        out.examples.push_back(std::move(le));
    }
    return out;
}

namespace {

ojson page_json(const LintedPage& p, bool withSources) {
    ojson page;
    page["path"] = p.path;
    ojson diagnostics = ojson::array();
    for (const auto& d : p.diagnostics) diagnostics.push_back(diagnostic_json(d));
    page["diagnostics"] = diagnostics;
    ojson examples = ojson::array();
    for (const auto& ex : p.examples) {
        ojson e;
        e["kind"] = ex.kind == DocExample::Kind::Request ? "request" : "response";
        e["line"] = ex.line;
        e["method"] = ex.method.empty() ? ojson() : ojson(ex.method);
        e["path"] = ex.path.empty() ? ojson() : ojson(ex.path);
        e["status"] = ex.status ? ojson(ex.status) : ojson();
        e["operation"] = ex.operation.empty() ? ojson() : ojson(ex.operation);
        e["type"] = ex.type.empty() ? ojson() : ojson(ex.type);
        e["modelSource"] = ex.modelSource.empty() ? ojson() : ojson(ex.modelSource);
        ojson list = ojson::array();
        for (const auto& d : ex.diagnostics) list.push_back(diagnostic_json(d));
        e["diagnostics"] = list;
        if (withSources) {
            e["url"] = ex.url;
            e["body"] = ex.body;
        }
        examples.push_back(e);
    }
    page["examples"] = examples;
    return page;
}

}  // namespace

std::string lint_json(const std::vector<LintedPage>& pages) {
    ojson list = ojson::array();
    for (const auto& p : pages) list.push_back(page_json(p, false));
    return ojson{{"pages", list}}.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string lint_page_json(const LintedPage& page) { return page_json(page, true).dump(-1, ' ', false, ojson::error_handler_t::replace); }

std::string lint_sarif(const std::vector<LintedPage>& pages) {
    ojson results = ojson::array();
    std::set<std::string> rules;
    auto add_result = [&](const std::string& path, const Diagnostic& d) {
        rules.emplace(d.code);
        const char* level = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note";
        results.push_back(
            {{"ruleId", d.code},
             {"level", level},
             {"message", {{"text", d.message}}},
             {"locations",
              {{{"physicalLocation",
                 {{"artifactLocation", {{"uri", path}}},
                  {"region", {{"startLine", d.line}, {"startColumn", d.column}, {"endLine", d.endLine}, {"endColumn", d.endColumn}}}}}}}}});
    };
    for (const auto& p : pages) {
        for (const auto& d : p.diagnostics) add_result(p.path, d);
        for (const auto& ex : p.examples)
            for (const auto& d : ex.diagnostics) add_result(p.path, d);
    }
    ojson ruleList = ojson::array();
    for (const auto& r : rules) ruleList.push_back({{"id", r}});
    ojson sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs",
                    {{{"tool", {{"driver", {{"name", "gpb"}, {"fullName", "Graph Payload Builder"}, {"rules", ruleList}}}}},
                      {"columnKind", "utf16CodeUnits"},
                      {"results", results}}}}};
    return sarif.dump(2, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace gpb
