#include "diagnostics.hpp"

namespace gpb {

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "error";
}

bool has_error(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) return true;
    return false;
}

// Runs without '~' or '/' are appended whole: a pointer is built for every finding.
void append_pointer_token(std::string& pointer, std::string_view token) {
    pointer.push_back('/');
    for (;;) {
        size_t run = 0;
        while (run < token.size() && token[run] != '~' && token[run] != '/') ++run;
        pointer.append(token.data(), run);
        if (run == token.size()) return;
        pointer += token[run] == '~' ? "~0" : "~1";
        token.remove_prefix(run + 1);
    }
}

std::string pointer_append(const std::string& pointer, const std::string& token) {
    std::string out = pointer;
    out.reserve(pointer.size() + token.size() + 1);
    append_pointer_token(out, token);
    return out;
}

std::string pointer_append(const std::string& pointer, size_t index) { return pointer + "/" + std::to_string(index); }

}  // namespace gpb
