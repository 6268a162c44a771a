// gpb: the command-line face of the core, for scripts, CI and documentation checks.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "api.hpp"
#include "builders.hpp"
#include "catalog.hpp"
#include "doc_lint.hpp"
#include "source_locator.hpp"
#include "validator.hpp"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

const char* kUsage =
    "usage:\n"
    "  gpb ops [--search TEXT] [--format text|json]\n"
    "  gpb resolve METHOD URL\n"
    "  gpb check TARGET [--response] [--format text|json] [FILE]\n"
    "  gpb example TARGET [--full]\n"
    "  gpb request TARGET [--param NAME=VALUE]... [FILE]\n"
    "  gpb response TARGET [FILE]\n"
    "  gpb lint [--format text|json|sarif] [--emit-model] PAGE...\n"
    "TARGET is --op ID, or --method M --url URL. Every command takes --version beta|v1.0 (default beta)\n"
    "or --metadata FILE (CSDL XML or JSON: that service's model instead of Graph's).\n"
    "FILE may be - (or left out) for standard input.\n"
    "Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.\n";

struct Options {
    std::string command, op, format = "text", file;
    std::string method, url, version = "beta", metadata, search;
    bool response = false, full = false, fileGiven = false, emitModel = false;
    std::vector<std::string> files;
    std::vector<std::pair<std::string, std::string>> params;
};

int usage_error(const std::string& message) {
    std::cerr << "gpb: " << message << "\n" << kUsage;
    return kExitUsage;
}

bool read_input(const Options& options, std::string& text, std::string& displayName) {
    std::ostringstream contents;
    if (!options.fileGiven || options.file == "-") {
        displayName = "<stdin>";
        contents << std::cin.rdbuf();
        text = contents.str();
        return !std::cin.bad();
    }
    displayName = options.file;
    std::ifstream in(options.file, std::ios::binary);
    if (!in) return false;
    if (in.peek() != std::ifstream::traits_type::eof()) contents << in.rdbuf();
    text = contents.str();
    return !in.bad();
}

// FILE:LINE:COL: severity code: message, then the line with a caret under the range.
void print_diagnostics(std::ostream& out, const std::string& name, std::string_view text, const gpb::Diagnostics& diagnostics) {
    gpb::SourceLocator locator(text);
    size_t errors = 0, warnings = 0;
    for (const auto& d : diagnostics) {
        (d.severity == gpb::Severity::Error ? errors : warnings) += d.severity == gpb::Severity::Info ? 0 : 1;
        out << name << ":" << d.line << ":" << d.column << ": " << gpb::severity_name(d.severity) << " " << d.code << ": " << d.message
            << "\n";
        std::string source(locator.line_text(d.line));
        if (!source.empty() && source.size() <= 240) {
            for (char& c : source)
                if (c == '\t') c = ' ';
            std::string gutter = std::to_string(d.line);
            out << "  " << gutter << " | " << source << "\n";
            uint32_t width = d.endLine == d.line && d.endColumn > d.column ? d.endColumn - d.column : 1;
            out << "  " << std::string(gutter.size(), ' ') << " | " << std::string(d.column - 1, ' ') << '^' << std::string(width - 1, '~')
                << "\n";
        }
        if (d.hasSuggestion) out << "  suggestion: " << d.suggestion << "\n";
    }
    out << name << ": " << errors << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings")
        << "\n";
}

// The model the options name: a Graph version, or the service of --metadata FILE.
const gpb::Catalog* model(const Options& options) {
    if (options.metadata.empty()) {
        const gpb::Catalog* graph = gpb::Catalog::named(options.version);
        if (!graph) std::cerr << "gpb: no Graph version is called '" << options.version << "' (beta or v1.0)\n";
        return graph;
    }
    std::ifstream in(options.metadata, std::ios::binary);
    if (!in) {
        std::cerr << "gpb: cannot read " << options.metadata << "\n";
        return nullptr;
    }
    const std::string name = "metadata:" + options.metadata;
    if (const gpb::Catalog* loaded = gpb::Catalog::named(name)) return loaded;  // read once per run
    std::ostringstream contents;
    contents << in.rdbuf();
    std::string problem = gpb::Catalog::load_named(name, contents.str());
    if (!problem.empty()) {
        std::cerr << "gpb: " << options.metadata << ": " << problem << "\n";
        return nullptr;
    }
    return gpb::Catalog::named(name);
}

int run_ops(const Options& options) {
    const gpb::Catalog* catalog = model(options);
    if (!catalog) return kExitUsage;
    std::vector<const gpb::OperationDef*> ops;
    if (options.search.empty())
        for (const auto& op : catalog->operations()) ops.push_back(op.get());
    else ops = catalog->search(options.search, 200);
    if (options.format == "json") {
        std::cout << gpb::api::operations_json(ops) << "\n";
        return kExitClean;
    }
    for (const gpb::OperationDef* op : ops) {
        std::printf("%-6s %s\n", op->method.c_str(), op->path.c_str());
        std::printf("       %s%s\n", op->title.c_str(), op->id.find(' ') == std::string::npos ? (" (--op " + op->id + ")").c_str() : "");
    }
    if (ops.empty()) std::cerr << "gpb: no operation matches '" << options.search << "'\n";
    return ops.empty() ? kExitFindings : kExitClean;
}

int run_resolve(const Options& options) {
    const gpb::Catalog* catalog = model(options);
    if (!catalog) return kExitUsage;
    gpb::Resolution r = catalog->resolve(options.method, options.url);
    std::cout << gpb::api::resolution_json(*catalog, r) << "\n";
    return r.operation ? kExitClean : kExitFindings;
}

// The operation of --op, or of --method and --url (whose key values then fill `urlParameters`).
const gpb::OperationDef* find_operation(const Options& options, std::vector<std::pair<std::string, std::string>>* urlParameters = nullptr) {
    const gpb::Catalog* catalog = model(options);
    if (!catalog) return nullptr;
    if (options.op.empty()) {
        gpb::Resolution r = catalog->resolve(options.method, options.url);
        if (!r.operation)
            std::cerr << "gpb: " << options.method << " " << options.url << " resolves to no operation: " << r.problem << "\n";
        if (urlParameters) *urlParameters = r.parameters;
        return r.operation;
    }
    const gpb::OperationDef* op = catalog->operation(options.op);
    if (!op) {
        std::cerr << "gpb: no operation has the id '" << options.op << "'; run 'gpb ops' for the list\n";
    }
    return op;
}

// The operation and the body a command works on; false (after saying why) on a usage or I/O problem.
bool operation_and_body(const Options& options, const gpb::OperationDef*& op, std::string& text, std::string& name) {
    op = find_operation(options);
    if (!op) return false;
    if (read_input(options, text, name)) return true;
    std::cerr << "gpb: cannot read " << name << "\n";
    return false;
}

int run_check(const Options& options) {
    const gpb::OperationDef* op;
    std::string text, name;
    if (!operation_and_body(options, op, text, name)) return kExitUsage;
    gpb::ValidationResult result =
        gpb::validate_body(*model(options), *op, text, options.response ? gpb::Direction::Response : gpb::Direction::Request);
    if (options.format == "json") std::cout << gpb::validation_json(result) << "\n";
    else print_diagnostics(std::cout, name, text, result.diagnostics);
    return result.valid() ? kExitClean : kExitFindings;
}

int run_example(const Options& options) {
    const gpb::OperationDef* op = find_operation(options);
    if (!op) return kExitUsage;
    std::cout << gpb::example_body(*op, options.full) << "\n";
    return kExitClean;
}

// request and response print the HTTP text; problems in the body go to stderr and set the status.
int run_http(const Options& options) {
    std::vector<std::pair<std::string, std::string>> parameters;
    const gpb::OperationDef* op = find_operation(options, &parameters);
    if (!op) return kExitUsage;
    std::string text, name;
    if (!read_input(options, text, name)) {
        std::cerr << "gpb: cannot read " << name << "\n";
        return kExitUsage;
    }
    // --param wins over a value the URL gave (the first value given for a placeholder is used).
    parameters.insert(parameters.begin(), options.params.begin(), options.params.end());
    const gpb::Catalog& catalog = *model(options);
    gpb::ValidationResult checked = gpb::validate_body(catalog, *op, text, gpb::Direction::Request);
    if (options.command == "request") std::cout << gpb::build_request(*op, text, parameters).raw;
    else std::cout << gpb::build_response(catalog, *op, text).raw;
    std::cout << "\n";
    if (checked.valid()) return kExitClean;
    print_diagnostics(std::cerr, name, text, checked.diagnostics);
    return kExitFindings;
}

// Documentation pages: every example checked against its model, and the page against the catalog.
int run_lint(const Options& options) {
    if (options.files.empty()) return usage_error("lint needs at least one PAGE");
    std::vector<gpb::LintedPage> pages;
    bool unreadable = false;
    for (const auto& file : options.files) {
        Options one = options;
        one.file = file;
        one.fileGiven = true;
        std::string text, name;
        if (!read_input(one, text, name)) {
            std::cerr << "gpb: cannot read " << name << "\n";
            unreadable = true;
            continue;
        }
        pages.push_back(gpb::lint_page(gpb::Catalog::builtin(), text, name));
    }
    if (options.emitModel) {
        for (const auto& page : pages) {
            if (page.derivedModel.empty())
                std::cerr << page.path << ": the catalog already models this page's operation (or the page has no request-body table)\n";
            else std::cout << page.derivedModel << "\n";
        }
        return unreadable ? kExitUsage : kExitClean;
    }
    if (options.format == "json") {
        std::cout << gpb::lint_json(pages) << "\n";
    } else if (options.format == "sarif") {
        std::cout << gpb::lint_sarif(pages) << "\n";
    } else {
        for (const auto& page : pages) {
            gpb::Diagnostics all = page.diagnostics;
            size_t checked = 0;
            for (const auto& ex : page.examples) {
                all.insert(all.end(), ex.diagnostics.begin(), ex.diagnostics.end());
                if (!ex.type.empty()) ++checked;
            }
            std::stable_sort(all.begin(), all.end(), [](const gpb::Diagnostic& a, const gpb::Diagnostic& b) {
                return a.line != b.line ? a.line < b.line : a.column < b.column;
            });
            size_t errors = 0, warnings = 0;
            for (const auto& d : all) {
                if (d.severity == gpb::Severity::Error) ++errors;
                if (d.severity == gpb::Severity::Warning) ++warnings;
                std::cout << page.path << ":" << d.line << ":" << d.column << ": " << gpb::severity_name(d.severity) << " " << d.code
                          << ": " << d.message << "\n";
                if (d.hasSuggestion) std::cout << "  suggestion: " << d.suggestion << "\n";
            }
            std::cout << page.path << ": " << page.examples.size() << " examples (" << checked << " checked), " << errors
                      << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings") << "\n";
        }
    }
    if (unreadable) return kExitUsage;
    for (const auto& page : pages)
        if (page.has_error()) return kExitFindings;
    return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? kExitUsage : kExitClean;
    }
    Options options;
    options.command = args[0];
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
        auto take = [&](std::string& into, const char* what) {
            const std::string* v = value();
            if (!v) return false;
            into = *v;
            (void)what;
            return true;
        };
        if (arg == "--method" || arg == "--url" || arg == "--version" || arg == "--metadata" || arg == "--search") {
            std::string& into = arg == "--method"     ? options.method
                                : arg == "--url"      ? options.url
                                : arg == "--version"  ? options.version
                                : arg == "--metadata" ? options.metadata
                                                      : options.search;
            if (!take(into, arg.c_str())) return usage_error(arg + " needs a value");
        } else if (arg == "--op") {
            const std::string* v = value();
            if (!v) return usage_error("--op needs an operation id");
            options.op = *v;
        } else if (arg == "--format") {
            const std::string* v = value();
            if (!v || (*v != "text" && *v != "json" && *v != "sarif")) return usage_error("--format takes text, json or sarif");
            options.format = *v;
        } else if (arg == "--param") {
            const std::string* v = value();
            size_t eq = v ? v->find('=') : std::string::npos;
            if (eq == std::string::npos || eq == 0) return usage_error("--param takes NAME=VALUE");
            options.params.emplace_back(v->substr(0, eq), v->substr(eq + 1));
        } else if (arg == "--response") {
            options.response = true;
        } else if (arg == "--full") {
            options.full = true;
        } else if (arg == "--emit-model") {
            options.emitModel = true;
        } else if (arg.size() > 1 && arg[0] == '-') {
            return usage_error("unknown option " + arg);
        } else if (options.command == "lint") {
            options.files.push_back(arg);
        } else if (options.command == "resolve" && options.method.empty()) {
            options.method = arg;
        } else if (options.command == "resolve" && options.url.empty()) {
            options.url = arg;
        } else if (!options.fileGiven) {
            options.file = arg;
            options.fileGiven = true;
        } else {
            return usage_error("only one FILE may be given");
        }
    }
    const std::string& c = options.command;
    if (c != "ops" && c != "check" && c != "example" && c != "request" && c != "response" && c != "lint" && c != "resolve")
        return usage_error("unknown command '" + c + "'");
    if (options.format == "sarif" && c != "lint") return usage_error("--format sarif is for lint");
    if (c == "ops") return run_ops(options);
    if (c == "lint") return run_lint(options);
    if (c == "resolve") {
        if (options.method.empty() || options.url.empty()) return usage_error("resolve needs METHOD and URL");
        return run_resolve(options);
    }
    if (options.op.empty() && (options.method.empty() || options.url.empty()))
        return usage_error(c + " needs --op ID, or --method M and --url URL");
    if (c == "check") return run_check(options);
    if (c == "example") return run_example(options);
    return run_http(options);
}
