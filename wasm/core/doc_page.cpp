#include "doc_page.hpp"

#include <algorithm>
#include <cctype>

#include "source_locator.hpp"
#include "text.hpp"

namespace gpb {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

struct Line {
    std::string_view text;  // without its line break
    uint32_t offset;        // of its first byte in the page
};

std::vector<Line> page_lines(std::string_view text) {
    std::vector<Line> lines;
    for (std::string_view line : split_lines(text)) lines.push_back({line, static_cast<uint32_t>(line.data() - text.data())});
    return lines;
}

// Cells of a | table row, trimmed; empty when the line is no table row.
std::vector<std::string> table_cells(std::string_view line) {
    std::vector<std::string> cells;
    std::string_view s = trim(line);
    if (s.find('|') == std::string_view::npos) return cells;
    if (!s.empty() && s.front() == '|') s.remove_prefix(1);
    if (!s.empty() && s.back() == '|') s.remove_suffix(1);
    size_t at = 0;
    while (at <= s.size()) {
        size_t bar = s.find('|', at);
        if (bar == std::string_view::npos) bar = s.size();
        cells.emplace_back(trim(s.substr(at, bar - at)));
        at = bar + 1;
    }
    return cells;
}

bool separator_row(const std::vector<std::string>& cells) {
    for (const auto& c : cells)
        for (char ch : c)
            if (ch != '-' && ch != ':' && ch != ' ') return false;
    return !cells.empty();
}

// [text](link) -> text; **bold** -> bold; `code` -> code.
std::string plain(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '[') {
            size_t close = s.find("](", i);
            size_t end = close == std::string_view::npos ? close : s.find(')', close);
            if (close != std::string_view::npos && end != std::string_view::npos) {
                out += std::string(s.substr(i + 1, close - i - 1));
                i = end;
                continue;
            }
        }
        if (c == '*' || c == '`') continue;
        out.push_back(c);
    }
    return std::string(trim(decode_entities(out)));
}

enum class Section { None, Permissions, HttpRequest, Headers, Body, Response, Examples };

Section section_of(std::string_view line) {
    std::string_view s = trim(line);
    while (!s.empty() && s.front() == '#') s.remove_prefix(1);
    s = trim(s);
    if (equal_ignoring_case(s, "Permissions")) return Section::Permissions;
    if (equal_ignoring_case(s, "HTTP request")) return Section::HttpRequest;
    if (equal_ignoring_case(s, "Request headers")) return Section::Headers;
    if (equal_ignoring_case(s, "Request body")) return Section::Body;
    if (equal_ignoring_case(s, "Response")) return Section::Response;
    if (equal_ignoring_case(s, "Example") || equal_ignoring_case(s, "Examples")) return Section::Examples;
    return Section::None;
}

// "PATCH https://..." or "PATCH /path": the method and the target.
bool request_line(std::string_view line, std::string& method, std::string& target) {
    std::string_view s = trim(line);
    size_t space = s.find(' ');
    if (space == std::string_view::npos) {
        for (const char* m : kHttpMethods)
            if (s == m) {
                method = m;
                target.clear();
                return true;
            }
        return false;
    }
    std::string_view first = s.substr(0, space);
    for (const char* m : kHttpMethods) {
        if (first != m) continue;
        std::string_view rest = trim(s.substr(space));
        size_t version = rest.find(" HTTP/");
        if (version != std::string_view::npos) rest = trim(rest.substr(0, version));
        if (!rest.empty() && rest.front() != '/' && !starts_with(rest, "http")) return false;
        method = m;
        target = decode_entities(rest);
        return true;
    }
    return false;
}

// The end (exclusive) of the JSON value starting at `at`, or npos when it never closes.
size_t json_extent(std::string_view text, size_t at) {
    int depth = 0;
    bool inString = false;
    for (size_t i = at; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '{' || c == '[') ++depth;
        else if (c == '}' || c == ']') {
            if (--depth == 0) return i + 1;
        }
    }
    return std::string_view::npos;
}

std::vector<std::string> members_in(std::string_view description) {
    std::vector<std::string> members;
    size_t at = std::string_view::npos;
    for (std::string_view marker : {"Possible values are:", "possible values are:", "Values:", "values are:"}) {
        at = description.find(marker);
        if (at != std::string_view::npos) {
            at += marker.size();
            break;
        }
    }
    if (at == std::string_view::npos) return members;
    std::string_view rest = description.substr(at);
    size_t stop = rest.find(". ");
    if (stop != std::string_view::npos) rest = rest.substr(0, stop);
    size_t start = 0;
    while (start <= rest.size()) {
        size_t comma = rest.find(',', start);
        if (comma == std::string_view::npos) comma = rest.size();
        std::string item = plain(rest.substr(start, comma - start));
        while (!item.empty() && (item.back() == '.' || item.back() == ' ')) item.pop_back();
        if (item.empty() || item.find(' ') != std::string::npos) break;
        members.push_back(item);
        start = comma + 1;
    }
    return members;
}

const char* const kPermissionRows[] = {"Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"};

std::vector<std::string> permission_names(std::string_view cell, bool& todo) {
    std::vector<std::string> names;
    std::string text = plain(cell);
    if (text.find("TODO") != std::string::npos) {
        todo = true;
        return names;
    }
    if (text.rfind("Not supported", 0) == 0 || text.rfind("Not available", 0) == 0) return names;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        std::string name(trim(std::string_view(text).substr(start, comma - start)));
        if (!name.empty()) names.push_back(name);
        start = comma + 1;
    }
    return names;
}

// One row of the permissions table: its type and its permissions, each once.
DocPermission permission_row(const char* label, const std::string& cellText, uint32_t lineNumber) {
    DocPermission row;
    row.type = label;
    row.line = lineNumber;
    row.names = permission_names(cellText, row.todo);
    // A | table with "least" and "higher" columns repeats "Not supported."; names stay unique.
    std::vector<std::string> unique;
    for (auto& n : row.names)
        if (std::find(unique.begin(), unique.end(), n) == unique.end() && n != "Not supported.") unique.push_back(n);
    row.names = unique;
    return row;
}

// "markdown" (front matter or ``` fences), "rendered-table" (rows that end in |) or "rendered".
std::string page_format(const std::vector<Line>& lines) {
    bool fenced = false, piped = false;
    for (const auto& l : lines) {
        if (starts_with(trim(l.text), "```")) fenced = true;
        std::string_view t = trim(l.text);
        if (!t.empty() && t.back() == '|' && t.find(" | ") != std::string_view::npos) piped = true;
    }
    return (!lines.empty() && trim(lines[0].text) == "---") || fenced ? "markdown" : piped ? "rendered-table" : "rendered";
}

// Front matter, then the first heading, then a first line that names an action; without quotes.
std::string page_title(const std::vector<Line>& lines) {
    std::string title;
    for (size_t i = 0; i < lines.size() && title.empty(); ++i) {
        std::string_view t = trim(lines[i].text);
        if (starts_with(t, "title:")) title = plain(trim(t.substr(6)));
        else if (starts_with(t, "# ")) title = plain(t.substr(2));
    }
    for (size_t i = 0; i < lines.size() && title.empty(); ++i) {
        std::string_view t = trim(lines[i].text);
        for (const char* verb : {"Create ", "Update ", "Get ", "List ", "Delete "})
            if (starts_with(t, verb) && t.size() < 100) title = std::string(t);
    }
    if (title.size() >= 2 && title.front() == '"' && title.back() == '"') title = title.substr(1, title.size() - 2);
    return title;
}

// A row of the request body's property table, as a | table: false for its header row.
bool property_from_cells(const std::vector<std::string>& cells, DocProperty& prop) {
    std::string first = plain(cells[0]);
    if (first == "Property" || first == "Parameter" || first == "Name") return false;
    prop.name = plain(cells[0]);
    prop.type = plain(cells[1]);
    prop.description = plain(cells[2]);
    return true;
}

// The page read line by line: the section it is in, and what it has found so far.
class PageReader {
public:
    explicit PageReader(std::string_view text) : text_(text), lines_(page_lines(text)) {}

    DocPage read() {
        page_.format = page_format(lines_);
        page_.title = page_title(lines_);
        for (size_t i = 0; i < lines_.size(); ++i) i = read_line(i);
        return std::move(page_);
    }

private:
    std::string_view text_;
    std::vector<Line> lines_;
    DocPage page_;
    Section section_ = Section::None;
    bool inExamples_ = false;
    bool tableHeaderSeen_ = false;  // the rendered body table's "Property Type Description"

    // Reads the line at i and what belongs to it; returns the last line it read.
    size_t read_line(size_t i) {
        std::string_view raw = lines_[i].text;
        std::string_view t = trim(raw);
        uint32_t lineNumber = static_cast<uint32_t>(i + 1);
        if (enter_section(t) || t.empty()) return i;
        std::string method, target;
        bool isRequestLine = request_line(t, method, target);
        if (isRequestLine && !inExamples_ && section_ == Section::HttpRequest) {
            page_.httpRequests.push_back({method, target, lineNumber});
            return i;
        }
        if (isRequestLine && (starts_with(target, "http") || inExamples_)) return read_example(i, request_example(i, method, target));
        if (starts_with(t, "HTTP/") && inExamples_) return read_example(i, response_example(i));
        std::vector<std::string> cells = table_cells(raw);
        if (section_ == Section::Permissions) read_permission(t, cells, lineNumber);
        else if (section_ == Section::Headers) read_request_header(t, cells, lineNumber);
        else if (section_ == Section::Body) read_property(t, cells, lineNumber);
        return i;
    }

    // A short heading line starts a section.
    bool enter_section(std::string_view t) {
        Section heading = section_of(t);
        if (heading == Section::None || t.size() >= 40) return false;
        section_ = heading;
        tableHeaderSeen_ = false;
        if (heading == Section::Examples) inExamples_ = true;
        return true;
    }

    // An example's first line, where it stands on the page.
    DocExample example_at(size_t i, DocExample::Kind kind) const {
        std::string_view raw = lines_[i].text;
        DocExample ex;
        ex.kind = kind;
        ex.line = static_cast<uint32_t>(i + 1);
        ex.column = 1 + static_cast<uint32_t>(raw.find_first_not_of(" \t"));
        ex.endColumn = ex.column + utf16_length(trim(raw));
        return ex;
    }

    DocExample request_example(size_t i, const std::string& method, const std::string& target) const {
        DocExample ex = example_at(i, DocExample::Kind::Request);
        std::string_view raw = lines_[i].text;
        ex.method = method;
        ex.url = target;
        size_t space = raw.find(' ', ex.column - 1);
        size_t urlStart = space == std::string_view::npos ? std::string_view::npos : raw.find_first_not_of(' ', space);
        if (urlStart != std::string_view::npos) ex.urlColumn = 1 + utf16_length(raw.substr(0, urlStart));
        if (target.empty()) ex.layout.push_back({ex.line, "The request line has no URL."});
        return ex;
    }

    // "HTTP/1.1 201 Created": the status code and the reason.
    DocExample response_example(size_t i) const {
        DocExample ex = example_at(i, DocExample::Kind::Response);
        std::string_view t = trim(lines_[i].text);
        size_t space = t.find(' ');
        std::string_view rest = space == std::string_view::npos ? std::string_view() : trim(t.substr(space));
        size_t codeEnd = rest.find(' ');
        std::string code(rest.substr(0, codeEnd));
        bool numeric = code.size() == 3 && std::isdigit(static_cast<unsigned char>(code[0])) &&
                       std::isdigit(static_cast<unsigned char>(code[1])) && std::isdigit(static_cast<unsigned char>(code[2]));
        if (numeric) ex.status = std::stoi(code);
        else ex.layout.push_back({ex.line, "The status line needs a three-digit status code (HTTP/1.1 200 OK)."});
        ex.reason = codeEnd == std::string_view::npos ? std::string() : std::string(trim(rest.substr(codeEnd)));
        return ex;
    }

    // The example whose first line is i: its headers, then a JSON body when one follows. Returns the
    // last line it read; the line itself when the page ends after the headers.
    size_t read_example(size_t i, DocExample ex) {
        size_t j = read_example_headers(i + 1, ex);
        while (j < lines_.size() && trim(lines_[j].text).empty()) ++j;
        size_t last = j < lines_.size() ? read_example_body(j, ex) : i;
        page_.examples.push_back(std::move(ex));
        return last;
    }

    // The header lines from j on; returns the line after them.
    size_t read_example_headers(size_t j, DocExample& ex) const {
        // The docs sometimes leave one blank line between the request line and its headers: read
        // them as headers, and say that in HTTP they would be the body.
        if (j + 1 < lines_.size() && trim(lines_[j].text).empty() && looks_like_header(trim(lines_[j + 1].text))) {
            ++j;
            ex.layout.push_back({static_cast<uint32_t>(j),
                                 "A blank line separates the request line from its headers: in HTTP the headers would be read as the body.",
                                 true});
        }
        for (; j < lines_.size() && looks_like_header(trim(lines_[j].text)); ++j) {
            std::string_view h = trim(lines_[j].text);
            size_t colon = h.find(':');
            ex.headers.push_back(
                {std::string(trim(h.substr(0, colon))), decode_entities(trim(h.substr(colon + 1))), static_cast<uint32_t>(j + 1)});
        }
        return j;
    }

    // A JSON body when line j starts one, to where its brackets close (or the fence, when they never
    // do). Returns the example's last line: the body's, or the one before j when there is no body.
    size_t read_example_body(size_t j, DocExample& ex) const {
        std::string_view next = lines_[j].text;
        size_t first = next.find_first_not_of(" \t");
        if (first == std::string_view::npos || (next[first] != '{' && next[first] != '[')) return j - 1;
        size_t start = lines_[j].offset + first;
        size_t end = json_extent(text_, start);
        ex.hasBody = true;
        ex.bodyLine = static_cast<uint32_t>(j + 1);
        ex.bodyColumn = 1 + utf16_length(next.substr(0, first));
        if (end == std::string_view::npos) {
            ex.layout.push_back({ex.bodyLine, "The JSON body never closes."});
            size_t fence = text_.find("\n```", start);
            end = fence == std::string_view::npos ? text_.size() : fence;
        }
        ex.body = std::string(text_.substr(start, end - start));
        while (j + 1 < lines_.size() && lines_[j + 1].offset < end) ++j;
        return j;
    }

    // A permissions row, as a | table row or as "Application Mail.Send".
    void read_permission(std::string_view t, const std::vector<std::string>& cells, uint32_t lineNumber) {
        for (const char* label : kPermissionRows) {
            std::string cellText;
            if (!cells.empty() && plain(cells[0]) == label) {
                for (size_t c = 1; c < cells.size(); ++c) cellText += (c > 1 ? ", " : "") + cells[c];
            } else if (cells.empty() && starts_with(t, label)) {
                cellText = std::string(trim(t.substr(std::string_view(label).size())));
            } else {
                continue;
            }
            page_.permissions.push_back(permission_row(label, cellText, lineNumber));
            return;
        }
    }

    // A request header row, as a | table row or as "Authorization Bearer {token}"; not the table's header.
    void read_request_header(std::string_view t, const std::vector<std::string>& cells, uint32_t lineNumber) {
        if (!cells.empty() && cells.size() >= 2 && !separator_row(cells)) {
            std::string name = plain(cells[0]);
            if (name != "Header" && name != "Name") page_.requestHeaders.push_back({name, plain(cells[1]), lineNumber});
        } else if (cells.empty() && t != "Header Value" && t != "Name Description") {
            size_t space = t.find(' ');
            if (space != std::string_view::npos)
                page_.requestHeaders.push_back({std::string(t.substr(0, space)), plain(t.substr(space + 1)), lineNumber});
        }
    }

    // A row of the rendered body table, "name Type [collection] description", after its header line.
    bool property_from_text(std::string_view t, DocProperty& prop) {
        if (t == "Property Type Description") {
            tableHeaderSeen_ = true;
            return false;
        }
        if (!tableHeaderSeen_) return false;
        size_t space = t.find(' ');
        if (space == std::string_view::npos) return false;
        prop.name = std::string(t.substr(0, space));
        std::string_view rest = trim(t.substr(space));
        size_t typeEnd = rest.find(' ');
        prop.type = std::string(rest.substr(0, typeEnd));
        rest = typeEnd == std::string_view::npos ? std::string_view() : trim(rest.substr(typeEnd));
        if (starts_with(rest, "collection")) {
            prop.type += " collection";
            rest = trim(rest.substr(10));
        }
        prop.description = plain(rest);
        return true;
    }

    // A request body property: its type, whether a collection, and the members its description lists.
    void read_property(std::string_view t, const std::vector<std::string>& cells, uint32_t lineNumber) {
        DocProperty prop;
        bool row = false;
        if (cells.size() >= 3 && !separator_row(cells)) row = property_from_cells(cells, prop);
        else if (cells.empty()) row = property_from_text(t, prop);
        if (!row || prop.name.empty() || prop.name.find(' ') != std::string::npos) return;
        size_t collection = prop.type.find(" collection");
        if (collection != std::string::npos) {
            prop.collection = true;
            prop.type = prop.type.substr(0, collection);
        }
        prop.members = members_in(prop.description);
        prop.line = lineNumber;
        page_.properties.push_back(std::move(prop));
    }
};

}  // namespace

std::string decode_entities(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out.push_back(text[i]);
            continue;
        }
        size_t semi = text.find(';', i);
        if (semi == std::string_view::npos || semi - i > 8) {
            out.push_back('&');
            continue;
        }
        std::string_view name = text.substr(i + 1, semi - i - 1);
        if (name == "lt") out.push_back('<');
        else if (name == "gt") out.push_back('>');
        else if (name == "amp") out.push_back('&');
        else if (name == "quot") out.push_back('"');
        else if (name == "apos" || name == "#39") out.push_back('\'');
        else if (name == "nbsp") out.push_back(' ');
        else {
            out.push_back('&');
            continue;
        }
        i = semi;
    }
    return out;
}

DocPage read_doc_page(std::string_view text) { return PageReader(text).read(); }

}  // namespace gpb
