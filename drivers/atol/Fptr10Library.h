#pragma once

#include "core/Result.h"

#include <memory>
#include <string>

namespace sigma::drivers::atol {

/// The functions of ATOL's libfptr10 the driver uses, with ATOL's public signatures. Declared here
/// rather than taken from a vendor header: the driver builds without ATOL's SDK installed and
/// finds the library at run time.
struct Fptr10Api {
    using Handle = void*; ///< libfptr_handle

    int (*create)(Handle*) = nullptr;
    void (*destroy)(Handle*) = nullptr;
    int (*setSettings)(Handle, const wchar_t*) = nullptr;
    int (*open)(Handle) = nullptr;
    int (*close)(Handle) = nullptr;
    int (*isOpened)(Handle) = nullptr;
    int (*setParamStr)(Handle, int, const wchar_t*) = nullptr;
    int (*getParamStr)(Handle, int, wchar_t*, int) = nullptr;
    int (*processJson)(Handle) = nullptr;
    int (*errorCode)(Handle) = nullptr;
    int (*errorDescription)(Handle, wchar_t*, int) = nullptr;

    static constexpr int kParamJsonData = 65645; ///< LIBFPTR_PARAM_JSON_DATA
};

/// libfptr10.so loaded with dlopen, and closed with dlclose when the last user lets go (devices
/// share it through shared_ptr, since their handles must be destroyed before the code they run).
class Fptr10Library {
public:
    /// Loads the library at `path` (a file name alone is searched the dlopen way: LD_LIBRARY_PATH,
    /// the cache, the system directories) and resolves every function. kDriverNotInstalled with
    /// dlerror's text when the file cannot be loaded or lacks a function.
    static core::Result<std::shared_ptr<const Fptr10Library>> load(const std::string& path);

    ~Fptr10Library();
    Fptr10Library(const Fptr10Library&) = delete;
    Fptr10Library& operator=(const Fptr10Library&) = delete;

    [[nodiscard]] const Fptr10Api& api() const { return m_api; }
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    Fptr10Library(void* module, std::string path) : m_module(module), m_path(std::move(path)) {}

    void* m_module;
    std::string m_path;
    Fptr10Api m_api;
};

} // namespace sigma::drivers::atol
