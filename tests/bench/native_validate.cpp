// Times the core's validate in-process: native_validate OPERATION FILE ROUNDS -> best ms per call.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "api.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: native_validate OPERATION FILE ROUNDS\n";
        return 2;
    }
    std::ifstream in(argv[2], std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    const std::string text = contents.str();
    const int rounds = std::max(1, std::atoi(argv[3]));
    double best = 1e300;
    size_t sink = 0;
    for (int i = 0; i < rounds; ++i) {
        auto start = std::chrono::steady_clock::now();
        sink += gpb::api::validate(argv[1], text, false).size();
        best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::cout << best << "\n";
    return sink == 0 ? 1 : 0;
}
