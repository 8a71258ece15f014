# Test helpers. One test executable per layer; every test carries its layer's label
# (core, fiscal, till, gui, cloud, sync, update, web) and long runs also 'slow'.

include(GoogleTest)

set(SIGMA_TEST_LABELS core fiscal till gui cloud sync update web)

# sigma_add_gtest(<target> LABEL <layer> SOURCES ... [LIBS ...] [EXTRA_LABELS ...])
function(sigma_add_gtest target)
    cmake_parse_arguments(ARG "" "LABEL" "SOURCES;LIBS;EXTRA_LABELS" ${ARGN})
    if(NOT ARG_LABEL IN_LIST SIGMA_TEST_LABELS)
        message(FATAL_ERROR "${target}: LABEL must be one of ${SIGMA_TEST_LABELS}")
    endif()
    add_executable(${target} ${ARG_SOURCES})
    sigma_target_defaults(${target})
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
    target_link_libraries(${target} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
    target_compile_definitions(${target} PRIVATE SIGMA_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    gtest_discover_tests(${target}
        DISCOVERY_MODE PRE_TEST
        PROPERTIES LABELS "${ARG_LABEL};${ARG_EXTRA_LABELS}" TIMEOUT 600)
endfunction()

# sigma_add_benchmark(<target> SOURCES ... [LIBS ...]): Google Benchmark executables, never run by ctest.
function(sigma_add_benchmark target)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${target} ${ARG_SOURCES})
    sigma_target_defaults(${target})
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
    target_link_libraries(${target} PRIVATE ${ARG_LIBS} benchmark::benchmark benchmark::benchmark_main)
endfunction()
