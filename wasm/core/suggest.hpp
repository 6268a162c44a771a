// "Did you mean": a case-insensitive match first, then the nearest name by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gpb {

// Returns the candidate to suggest, or an empty string when none is close enough.
std::string nearest_name(std::string_view wrong, const std::vector<std::string_view>& candidates);

size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace gpb
