#include "value_formats.hpp"

#include <cstdint>

namespace gpb {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Reads `count` digits at `at`; -1 when they are not all digits.
int digits(std::string_view s, size_t at, size_t count) {
    if (at + count > s.size()) return -1;
    int value = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (!is_digit(s[i])) return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

std::string guid_problem(std::string_view v) {
    if (v.size() != 36) return "a GUID has 36 characters: 8-4-4-4-12 hexadecimal digits";
    for (size_t i = 0; i < v.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? v[i] != '-' : !is_hex(v[i])) return "a GUID is 8-4-4-4-12 hexadecimal digits separated by hyphens";
    }
    return {};
}

std::string date_problem(std::string_view v) {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') return "a date is YYYY-MM-DD";
    int year = digits(v, 0, 4), month = digits(v, 5, 2), day = digits(v, 8, 2);
    if (year < 0 || month < 0 || day < 0) return "a date is YYYY-MM-DD";
    static const int daysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return "month " + std::to_string(month) + " does not exist";
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day < 1 || day > daysIn[month - 1] + (month == 2 && leap ? 1 : 0))
        return "day " + std::to_string(day) + " does not exist in that month";
    return {};
}

std::string time_problem(std::string_view v) {
    const char* form = "a time of day is hh:mm[:ss[.fffffff]]";
    if (v.size() < 5 || v[2] != ':') return form;
    int hour = digits(v, 0, 2), minute = digits(v, 3, 2);
    if (hour < 0 || minute < 0) return form;
    if (hour > 23 || minute > 59) return "hours run 00 to 23 and minutes 00 to 59";
    if (v.size() == 5) return {};
    if (v[5] != ':' || digits(v, 6, 2) < 0) return form;
    if (digits(v, 6, 2) > 59) return "seconds run 00 to 59";
    if (v.size() == 8) return {};
    if (v[8] != '.' || v.size() == 9 || v.size() > 21) return form;
    for (size_t i = 9; i < v.size(); ++i)
        if (!is_digit(v[i])) return form;
    return {};
}

// ISO 8601 as OData has it: [-]P[nD][T[nH][nM][n[.f]S]], at least one part.
std::string duration_problem(std::string_view v) {
    const char* form = "a duration is ISO 8601, such as P1D, PT1H30M or PT0.5S";
    size_t at = 0;
    if (at < v.size() && v[at] == '-') ++at;
    if (at >= v.size() || v[at] != 'P') return form;
    ++at;
    bool anyPart = false, inTime = false;
    const std::string_view dateUnits = "D", timeUnits = "HMS";
    char lastUnit = 0;
    while (at < v.size()) {
        if (v[at] == 'T') {
            if (inTime) return form;
            inTime = true;
            lastUnit = 0;
            ++at;
            if (at == v.size()) return form;
            continue;
        }
        size_t start = at;
        while (at < v.size() && is_digit(v[at])) ++at;
        bool fraction = false;
        if (at < v.size() && v[at] == '.') {
            fraction = true;
            ++at;
            while (at < v.size() && is_digit(v[at])) ++at;
        }
        if (at == start || at >= v.size()) return form;
        char unit = v[at++];
        std::string_view units = inTime ? timeUnits : dateUnits;
        size_t position = units.find(unit);
        if (position == std::string_view::npos) return form;
        if (lastUnit && units.find(lastUnit) >= position) return form;
        if (fraction && unit != 'S') return form;
        lastUnit = unit;
        anyPart = true;
    }
    return anyPart ? std::string() : form;
}

std::string binary_problem(std::string_view v) {
    for (char c : v) {
        bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '+' || c == '/' || c == '-' || c == '_' || c == '=';
        if (!ok) return "binary values are base64 (or base64url) text";
    }
    return {};
}

}  // namespace

std::string edm_format_problem(Primitive primitive, std::string_view value) {
    switch (primitive) {
        case Primitive::Guid: return guid_problem(value);
        case Primitive::Date: return date_problem(value);
        case Primitive::TimeOfDay: return time_problem(value);
        case Primitive::Duration: return duration_problem(value);
        case Primitive::Binary: return binary_problem(value);
        default: return {};
    }
}

bool integer_range(Primitive primitive, int64_t& min, int64_t& max) {
    switch (primitive) {
        case Primitive::Byte: min = 0, max = 255; return true;
        case Primitive::SByte: min = -128, max = 127; return true;
        case Primitive::Int16: min = -32768, max = 32767; return true;
        case Primitive::Int32: min = -2147483648LL, max = 2147483647LL; return true;
        case Primitive::Int64: min = INT64_MIN, max = INT64_MAX; return true;
        default: return false;
    }
}

}  // namespace gpb
