#include "drivers/atol/Fptr10Library.h"

#include "fiscal/AtolErrors.h"

#include <dlfcn.h>

namespace sigma::drivers::atol {

namespace {

std::string lastDlError()
{
    const char* text = dlerror();
    return text != nullptr ? std::string(text) : std::string("unknown dlopen error");
}

// Resolves `name` into `target`; false (with the reason in `error`) when the library lacks it.
template <typename Function>
bool resolve(void* module, const char* name, Function& target, std::string& error)
{
    dlerror(); // clear a stale message, so that the one read below is about this symbol
    void* symbol = dlsym(module, name);
    if (symbol == nullptr) {
        error = lastDlError();
        return false;
    }
    // POSIX guarantees that a data pointer from dlsym converts to a function pointer.
    target = reinterpret_cast<Function>(symbol);
    return true;
}

} // namespace

core::Result<std::shared_ptr<const Fptr10Library>> Fptr10Library::load(const std::string& path)
{
    if (path.empty()) {
        return fiscal::atolError(fiscal::atol::kDriverNotInstalled, "libraryPath is empty", "libraryPath");
    }
    // RTLD_LOCAL: the vendor's symbols must not resolve references of other libraries loaded later.
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module == nullptr) {
        return fiscal::atolError(fiscal::atol::kDriverNotInstalled,
                                 "cannot load ATOL's driver library '" + path + "': " + lastDlError() +
                                     " (install ATOL Driver v10 or set libraryPath)",
                                 "libraryPath");
    }
    std::shared_ptr<Fptr10Library> library(new Fptr10Library(module, path));
    Fptr10Api& api = library->m_api;
    std::string error;
    const bool complete = resolve(module, "libfptr_create", api.create, error) &&
                          resolve(module, "libfptr_destroy", api.destroy, error) &&
                          resolve(module, "libfptr_set_settings", api.setSettings, error) &&
                          resolve(module, "libfptr_open", api.open, error) &&
                          resolve(module, "libfptr_close", api.close, error) &&
                          resolve(module, "libfptr_is_opened", api.isOpened, error) &&
                          resolve(module, "libfptr_set_param_str", api.setParamStr, error) &&
                          resolve(module, "libfptr_get_param_str", api.getParamStr, error) &&
                          resolve(module, "libfptr_process_json", api.processJson, error) &&
                          resolve(module, "libfptr_error_code", api.errorCode, error) &&
                          resolve(module, "libfptr_error_description", api.errorDescription, error);
    if (!complete) {
        return fiscal::atolError(fiscal::atol::kDriverNotInstalled,
                                 "'" + path + "' is not ATOL's driver library (or too old): " + error, "libraryPath");
    }
    return std::shared_ptr<const Fptr10Library>(std::move(library));
}

Fptr10Library::~Fptr10Library()
{
    if (m_module != nullptr) {
        dlclose(m_module);
    }
}

} // namespace sigma::drivers::atol
