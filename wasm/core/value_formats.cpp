#include "value_formats.hpp"

#include <cstdint>

namespace gpb {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

int digits_value(std::string_view s, size_t at, size_t count, bool& ok) {
    int value = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (i >= s.size() || !is_digit(s[i])) {
            ok = false;
            return 0;
        }
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Checks YYYY-MM-DDThh:mm[:ss[.f{1,12}]] from the start of s; returns the length read or 0 with why.
size_t read_local_datetime(std::string_view s, std::string& why) {
    bool ok = true;
    if (s.size() < 16 || s[4] != '-' || s[7] != '-' || s[13] != ':') {
        why = "it does not have the form YYYY-MM-DDThh:mm";
        return 0;
    }
    int year = digits_value(s, 0, 4, ok), month = digits_value(s, 5, 2, ok), day = digits_value(s, 8, 2, ok);
    int hour = digits_value(s, 11, 2, ok), minute = digits_value(s, 14, 2, ok);
    if (!ok) {
        why = "it does not have the form YYYY-MM-DDThh:mm";
        return 0;
    }
    if (s[10] != 'T' && s[10] != 't') {
        why = "the date and the time must be separated by T";
        return 0;
    }
    static const int daysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        why = "month " + std::to_string(month) + " does not exist";
        return 0;
    }
    int lastDay = daysIn[month - 1] + (month == 2 && leap_year(year) ? 1 : 0);
    if (day < 1 || day > lastDay) {
        why = "day " + std::to_string(day) + " does not exist in that month";
        return 0;
    }
    if (hour > 23) {
        why = "the hour must be 00 to 23";
        return 0;
    }
    if (minute > 59) {
        why = "the minute must be 00 to 59";
        return 0;
    }
    size_t at = 16;
    if (at < s.size() && s[at] == ':') {
        int second = digits_value(s, at + 1, 2, ok);
        if (!ok) {
            why = "the seconds must be two digits";
            return 0;
        }
        if (second > 59) {
            why = "the second must be 00 to 59";
            return 0;
        }
        at += 3;
        if (at < s.size() && s[at] == '.') {
            size_t digits = 0;
            while (at + 1 + digits < s.size() && is_digit(s[at + 1 + digits])) ++digits;
            if (digits == 0 || digits > 12) {
                why = "the fraction of a second must have 1 to 12 digits";
                return 0;
            }
            at += 1 + digits;
        }
    }
    (void)year;
    return at;
}

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
    if (day < 1 || day > daysIn[month - 1] + (month == 2 && leap_year(year) ? 1 : 0))
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

std::string datetime_problem(std::string_view value, std::string& fix) {
    fix.clear();
    // Normalise the common slips first, so that one fix carries every correction (and copy the
    // text only then: a correct value costs no allocation).
    std::string normalised;
    std::string_view candidate = value;
    std::string problem;
    if (value.size() == 10) {
        normalised = std::string(value) + "T00:00:00";
        candidate = normalised;
        problem = "a time of day is required after the date";
    } else if (value.size() > 10 && value[10] == ' ') {
        normalised = std::string(value);
        normalised[10] = 'T';
        candidate = normalised;
        problem = "the date and the time must be separated by T";
    }
    std::string why;
    size_t at = read_local_datetime(candidate, why);
    if (at == 0) return why;
    std::string_view rest = candidate.substr(at);
    bool ok = true;
    if (rest.empty()) {
        fix = std::string(candidate) + "Z";
        const char* missing = "the time zone offset is missing (Z for UTC, or +hh:mm / -hh:mm)";
        return problem.empty() ? missing : problem + ", and " + missing;
    }
    bool zulu = rest == "Z" || rest == "z";
    bool signedOffset = rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':';
    if (signedOffset) {
        int hours = digits_value(rest, 1, 2, ok), minutes = digits_value(rest, 4, 2, ok);
        if (!ok || hours > 23 || minutes > 59) return "the offset must be ±hh:mm with hours 00 to 23 and minutes 00 to 59";
    }
    if (zulu || signedOffset) {
        if (!problem.empty()) fix = std::string(candidate);
        return problem;
    }
    if (rest.size() == 5 && (rest[0] == '+' || rest[0] == '-')) {
        digits_value(rest, 1, 4, ok);
        if (ok) {
            fix = std::string(candidate.substr(0, at)) + std::string(rest.substr(0, 3)) + ":" + std::string(rest.substr(3));
            return "the offset needs a colon (±hh:mm)";
        }
    }
    return "the offset must be Z or ±hh:mm";
}

}  // namespace gpb
