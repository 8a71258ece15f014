# Third-party packages, all from Debian 12 (scripts/debian-packages.txt lists them).
# Found once here so every target uses the same imported targets.

find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(CURL REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(LibArchive 3.4 REQUIRED) # update packages (src/update)

if(SIGMA_BUILD_GUI)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Test LinguistTools)
endif()

if(SIGMA_BUILD_TESTS)
    find_package(GTest REQUIRED)
    find_package(benchmark REQUIRED)
endif()

# libargon2 (Debian: libargon2-dev) for password and PIN hashes. It ships a pkg-config file but no
# CMake package; the plain find_* fallback covers a system without pkg-config.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(ARGON2 QUIET IMPORTED_TARGET libargon2)
endif()
if(NOT TARGET Argon2::Argon2)
    add_library(Argon2::Argon2 INTERFACE IMPORTED)
    if(TARGET PkgConfig::ARGON2)
        target_link_libraries(Argon2::Argon2 INTERFACE PkgConfig::ARGON2)
    else()
        find_path(ARGON2_INCLUDE_DIR argon2.h REQUIRED)
        find_library(ARGON2_LIBRARY argon2 REQUIRED)
        target_include_directories(Argon2::Argon2 INTERFACE ${ARGON2_INCLUDE_DIR})
        target_link_libraries(Argon2::Argon2 INTERFACE ${ARGON2_LIBRARY})
    endif()
endif()

# libpq (Debian: libpq-dev) for the cloud's PostgreSQL connection. CMake's FindPostgreSQL finds the
# client library and its headers; pkg-config is the fallback when the server headers it also looks
# for are missing.
find_package(PostgreSQL QUIET)
if(NOT TARGET PostgreSQL::PostgreSQL)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
    add_library(PostgreSQL::PostgreSQL INTERFACE IMPORTED)
    target_link_libraries(PostgreSQL::PostgreSQL INTERFACE PkgConfig::LIBPQ)
endif()
