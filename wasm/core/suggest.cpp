#include "suggest.hpp"

#include <algorithm>
#include <cctype>

namespace gpb {

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string nearest_name(std::string_view wrong, const std::vector<std::string_view>& candidates) {
    constexpr size_t kLongestComparedName = 256;  // bounds the work on hostile input
    if (wrong.empty() || wrong.size() > kLongestComparedName) return {};
    for (auto candidate : candidates)
        if (candidate.size() == wrong.size() && edit_distance(candidate, wrong) == 0) return std::string(candidate);
    size_t best = static_cast<size_t>(-1);
    std::string_view bestName;
    for (auto candidate : candidates) {
        size_t distance = edit_distance(wrong, candidate);
        if (distance < best) {
            best = distance;
            bestName = candidate;
        }
    }
    // Close enough: at most a third of the longer name differs (and never more than 4 edits).
    size_t longer = std::max(wrong.size(), bestName.size());
    size_t allowed = std::min<size_t>(4, std::max<size_t>(1, longer / 3));
    return best <= allowed ? std::string(bestName) : std::string();
}

}  // namespace gpb
