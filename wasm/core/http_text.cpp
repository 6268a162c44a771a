#include "http_text.hpp"

#include "json_tree.hpp"

#include <algorithm>
#include <cctype>

#include "text.hpp"

namespace gpb {

namespace {}  // namespace

bool is_token_placeholder(std::string_view value) {
    std::string_view v = trim(value);
    if (v.size() >= 6 && equal_ignoring_case(v.substr(0, 6), "Bearer")) v = trim(v.substr(6));
    if (!v.empty() && (v.back() == '.')) v.remove_suffix(1);
    return v.empty() || v == "{token}" || v == "<token>" || v == "&lt;token&gt;" || v == "{access-token}" || v == "{access_token}" ||
           v == "<access-token>" || equal_ignoring_case(v, "token");
}

std::string percent_decode(std::string_view value) {
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
        int high = value[i] == '%' && i + 2 < value.size() ? hex_digit_value(value[i + 1]) : -1;
        int low = high < 0 ? -1 : hex_digit_value(value[i + 2]);
        if (low >= 0) {
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            out.push_back(value[i]);
        }
    }
    return out;
}

RawRequest parse_raw_request(std::string_view text) {
    RawRequest r;
    std::vector<std::string_view> lines = split_lines(text);
    size_t i = 0;
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    if (i == lines.size()) {
        r.problem = "The text is empty: paste a request line such as PATCH https://graph.microsoft.com/beta/...";
        return r;
    }
    std::string_view requestLine = trim(lines[i++]);
    size_t space = requestLine.find_first_of(" \t");
    std::string method = to_upper(requestLine.substr(0, space));
    if (space == std::string_view::npos || !is_http_method(method)) {
        r.problem = "The first line is not a request line: it should start with GET, POST, PATCH, PUT or DELETE and a URL.";
        return r;
    }
    std::string_view target = trim(requestLine.substr(space));
    size_t httpVersion = target.find(" HTTP/");
    if (httpVersion != std::string_view::npos) target = trim(target.substr(0, httpVersion));
    r.method = method;
    r.url = std::string(target);
    std::string normalized(target);
    std::replace(normalized.begin(), normalized.end(), '\\', '/');  // the docs sometimes print docs\api
    std::vector<std::string_view> segments = path_segments(url_path(normalized));
    if (!segments.empty() && (segments[0] == "beta" || segments[0] == "v1.0")) {
        r.version = std::string(segments[0]);
        segments.erase(segments.begin());
    }
    for (auto s : segments) r.path += "/" + std::string(s);

    // Headers; the docs sometimes leave a blank line between the request line and the headers.
    if (i < lines.size() && trim(lines[i]).empty() && i + 1 < lines.size() && looks_like_header(lines[i + 1])) ++i;
    for (; i < lines.size() && !trim(lines[i]).empty(); ++i) {
        if (!looks_like_header(lines[i])) break;
        size_t colon = lines[i].find(':');
        std::string name(trim(lines[i].substr(0, colon)));
        std::string value(trim(lines[i].substr(colon + 1)));
        if (equal_ignoring_case(name, "Authorization") && !is_token_placeholder(value)) {
            value = "Bearer {token}";
            r.tokenRedacted = true;
        }
        r.headers.emplace_back(std::move(name), std::move(value));
    }
    while (i < lines.size() && trim(lines[i]).empty()) ++i;
    // The body keeps the user's text exactly, from its first line to the end (less trailing blanks).
    if (i < lines.size()) {
        size_t offset = static_cast<size_t>(lines[i].data() - text.data());
        std::string_view body = text.substr(offset);
        while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.remove_suffix(1);
        r.body = std::string(body);
    }
    r.ok = true;
    return r;
}

namespace {

// The "@odata.type" a body names at its top level (without '#'), or empty.
std::string top_level_odata_type(std::string_view body) {
    if (body.empty()) return {};
    Diagnostics ignored;
    JsonDocument doc = parse_json(body, ParseLimits{}, ignored);
    if (!doc.complete || doc.nodes.empty() || doc.root().kind != NodeKind::Object) return {};
    for (uint32_t child : doc.root().children) {
        const JsonNode& n = doc.nodes[child];
        if (n.key == "@odata.type" && n.kind == NodeKind::String) return n.text.rfind('#', 0) == 0 ? n.text.substr(1) : n.text;
    }
    return {};
}

// An overlay operation whose template matches the path's segments (or their tail).
const OperationDef* match_template(const Catalog& catalog, std::string_view method, const std::vector<std::string_view>& given, bool tail,
                                   std::vector<std::pair<std::string, std::string>>& parameters) {
    for (const auto& op : catalog.operations()) {
        if (!equal_ignoring_case(op->method, method)) continue;
        std::vector<std::string_view> pattern = path_segments(op->path);
        if (tail ? pattern.size() >= given.size() : pattern.size() != given.size()) continue;
        size_t skip = given.size() - pattern.size();
        std::vector<std::pair<std::string, std::string>> found;
        bool match = true;
        for (size_t i = 0; i < pattern.size() && match; ++i) {
            std::string_view p = pattern[i], g = given[skip + i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
                bool placeholder = g.size() > 2 && g.front() == '{' && g.back() == '}';
                found.emplace_back(std::string(p.substr(1, p.size() - 2)), placeholder ? std::string() : percent_decode(g));
            } else {
                match = equal_ignoring_case(p, g);
            }
        }
        if (match) {
            parameters = std::move(found);
            return op.get();
        }
    }
    return nullptr;
}

}  // namespace

const OperationDef* match_operation(const Catalog& catalog, std::string_view method, std::string_view path,
                                    std::vector<std::pair<std::string, std::string>>& parameters, std::string_view body) {
    std::vector<std::string_view> given = path_segments(path);
    // A curated operation whose body type the body agrees with (a body naming a sibling type is
    // another operation on the same path: the generic one checks it against what it names).
    const OperationDef* curated = match_template(catalog, method, given, false, parameters);
    if (curated) {
        std::string named = top_level_odata_type(body);
        const TypeDef* namedType = named.empty() ? nullptr : catalog.type(named);
        if (!namedType || !curated->bodyType || namedType->is_or_derives_from(curated->bodyType)) return curated;
    }
    Resolution resolved = catalog.resolve(method, path);
    if (resolved.operation) {
        parameters = resolved.parameters;
        return resolved.operation;
    }
    // Failing that, a match of the path's tail, for URLs with a broken prefix such as the docs'
    // "docs\api" in place of the version.
    return match_template(catalog, method, given, true, parameters);
}

}  // namespace gpb
