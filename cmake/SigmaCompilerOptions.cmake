# Compiler launcher, warnings and sanitizers for every Sigma target.

find_program(SIGMA_CCACHE ccache)
if(SIGMA_CCACHE)
    set(CMAKE_C_COMPILER_LAUNCHER "${SIGMA_CCACHE}")
    set(CMAKE_CXX_COMPILER_LAUNCHER "${SIGMA_CCACHE}")
endif()

# An interface target every Sigma target links: the project's warning and sanitizer flags
# without leaking them onto third-party code.
add_library(sigma_build_options INTERFACE)
add_library(sigma::build_options ALIAS sigma_build_options)

target_compile_options(sigma_build_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wimplicit-fallthrough)
if(SIGMA_WERROR)
    target_compile_options(sigma_build_options INTERFACE -Werror)
endif()

if(SIGMA_SANITIZE)
    set(sigma_sanitizer_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined
                              -fno-omit-frame-pointer)
    # Sanitizers go on everything (also third-party code compiled here) so ASan sees all allocations.
    add_compile_options(${sigma_sanitizer_flags})
    add_link_options(-fsanitize=address,undefined)
endif()

if(SIGMA_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "SIGMA_FUZZ needs clang (use the 'fuzz' preset)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()

# Adds the project's options to a target; every Sigma target calls this.
function(sigma_target_defaults target)
    target_link_libraries(${target} PRIVATE sigma::build_options)
endfunction()
