# The static site: the ES module core (gpb-core.js + .wasm) behind the facade gpb.js, the page's
# bundle, and gpb-embed.js (one classic script with the wasm inlined and the <gpb-builder> element).
# The embedded script passes its wasm bytes in as wasmBinary, so nothing is fetched at all (a
# SINGLE_FILE build would fetch a data: URL, which a host page's connect-src may refuse).
set(GPB_SITE_DIR "${CMAKE_SOURCE_DIR}/build/site" CACHE PATH "Where the static site is built")
set(GPB_WASM_FLAGS
  -sDYNAMIC_EXECUTION=0            # no eval/new Function: runs under a strict CSP
  -sALLOW_MEMORY_GROWTH=1
  -sTOTAL_STACK=1048576
  -sMODULARIZE=1
  -sFILESYSTEM=0
  --bind)

# The site's core is built without C++ exceptions: the core never throws, and with Emscripten's JS
# exception support every call that might throw goes through a JS trampoline (many times slower).
# The test build keeps exceptions for Catch2.
add_library(gpb_core_web STATIC ${GPB_CORE_SOURCES} "${GPB_PACKS_CPP}")
add_dependencies(gpb_core_web gpb_generated_catalog gpb_generated_packs)
target_include_directories(gpb_core_web PUBLIC "${CMAKE_SOURCE_DIR}/wasm/core")
target_include_directories(gpb_core_web SYSTEM PUBLIC "${GPB_INCLUDE_SHIM}")
target_compile_options(gpb_core_web PRIVATE -fno-exceptions)
# Link-time optimization: the optimizer sees the whole core at once, so the validator's calls into
# the other files (value formats, the reader's key set, the line index) are inlined where they pay.
# Measured against the same build without it: the check of the 2.3 MB body 1-10% faster (node,
# alternating), gpb-core.wasm 5 KB and gpb-core.deferred.wasm 3.5 KB smaller gzipped.
target_compile_options(gpb_core_web PRIVATE -flto)

# Size matters for the page and speed for the keystroke: the reader, the validator, the model
# lookups and the line index are compiled for speed (-O3), everything else for size. Size is also
# start-up time: the browser compiles each function when it is first called. Reading a model pack
# or the permissions stays -O3 (each is one long task, 75% longer at -Oz), and so does finding the
# cursor in a body (per keystroke, over the whole text); resolving a URL and building completion
# items lose nothing measurable at -Oz.
set(GPB_COLD_SOURCES api.cpp builders.cpp doc_lint.cpp doc_page.cpp http_text.cpp suggest.cpp csdl_model.cpp csdl_text.cpp
  resolver.cpp editor_assist.cpp diagnostic_codes.cpp)
list(TRANSFORM GPB_COLD_SOURCES PREPEND "${CMAKE_SOURCE_DIR}/wasm/core/")
set_source_files_properties(${GPB_COLD_SOURCES} "${GPB_CATALOG_CPP}" wasm/bindings/bindings.cpp PROPERTIES COMPILE_OPTIONS -Oz)

# The page's core comes in two parts: gpb-core.wasm, what runs before the first diagnostics, and
# gpb-core.deferred.wasm, the rest, fetched after them (split-core.mjs, with binaryen's wasm-split).
find_program(GPB_WASM_SPLIT wasm-split REQUIRED)
find_program(GPB_NODE node REQUIRED)
add_executable(gpb_core_module wasm/bindings/bindings.cpp)
target_link_libraries(gpb_core_module PRIVATE gpb_core_web)
target_link_options(gpb_core_module PRIVATE ${GPB_WASM_FLAGS} -flto
  -sEXPORT_ES6=1 -sENVIRONMENT=web,worker -sEXPORT_NAME=createGpbCore -sSPLIT_MODULE=1 --emit-symbol-map
  -Wno-experimental)
set_target_properties(gpb_core_module PROPERTIES OUTPUT_NAME gpb-core SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${GPB_SITE_DIR}"
  LINK_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/bindings/split-core.mjs;${CMAKE_SOURCE_DIR}/wasm/bindings/first-path.mjs;${CMAKE_SOURCE_DIR}/web/gpb-api.js")
add_custom_command(TARGET gpb_core_module POST_BUILD
  COMMAND "${GPB_NODE}" "${CMAKE_SOURCE_DIR}/wasm/bindings/split-core.mjs"
          --site "${GPB_SITE_DIR}" --work "${CMAKE_BINARY_DIR}/split-core"
  COMMENT "Splitting the core into gpb-core.wasm and gpb-core.deferred.wasm"
  VERBATIM)

add_executable(gpb_core_embedded wasm/bindings/bindings.cpp)
target_link_libraries(gpb_core_embedded PRIVATE gpb_core_web)
target_link_options(gpb_core_embedded PRIVATE ${GPB_WASM_FLAGS} -flto
  -sENVIRONMENT=web -sEXPORT_NAME=createGpbEmbeddedCore)
set_target_properties(gpb_core_embedded PROPERTIES OUTPUT_NAME gpb-core-embedded SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/embedded")

# The whole model of each Graph version and the permissions reference, as the native build packed
# them, for the site to load when an operation outside the seed pack is asked for (with their licences).
set(GPB_SITE_MODELS "${GPB_SITE_DIR}/models")
add_custom_target(gpb_site_models ALL
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${GPB_SITE_MODELS}"
  COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${GPB_PACK_DIR}/beta.gpbm" "${GPB_PACK_DIR}/v1.0.gpbm"
          "${GPB_PACK_DIR}/permissions.json" "${GPB_MODELS_DIR}/LICENSE-msgraph-metadata.txt"
          "${GPB_MODELS_DIR}/LICENSE-devx-content.txt" "${GPB_SITE_MODELS}"
  COMMENT "Copying the model packs into build/site/models"
  VERBATIM)

# The page and the element are bundled by esbuild (from npm) with the core's JS beside them.
file(GLOB_RECURSE GPB_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
add_custom_target(gpb_site ALL
  COMMAND "${GPB_NODE}" "${CMAKE_SOURCE_DIR}/web/build-site.mjs"
          --site "${GPB_SITE_DIR}" --embedded-core "$<TARGET_FILE:gpb_core_embedded>"
  DEPENDS gpb_core_module gpb_core_embedded ${GPB_WEB_FILES}
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
  COMMENT "Bundling the site into build/site"
  VERBATIM)
