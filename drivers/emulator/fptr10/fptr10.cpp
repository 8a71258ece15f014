// The C functions of libfptr10.so (declared in fptr10.h): argument checks, wchar_t <-> UTF-8 and
// a catch-all around every call, so that no C++ exception ever reaches a C caller. The behaviour
// is Fptr10Session's.

#include "drivers/emulator/fptr10/fptr10.h"

#include "drivers/emulator/fptr10/Fptr10Session.h"
#include "drivers/emulator/fptr10/WideString.h"
#include "fiscal/AtolErrors.h"

#include <climits>
#include <cwchar>
#include <exception>
#include <new>
#include <string>

namespace {

using sigma::drivers::emulator::Fptr10Session;
namespace atol = sigma::fiscal::atol;

static_assert(Fptr10Session::kParamJsonData == LIBFPTR_PARAM_JSON_DATA);

constexpr int kFailed = -1;
// A string from the caller longer than this is refused rather than scanned further: no task or
// settings object is anywhere near it, and an unterminated buffer should not be read to the end
// of memory.
constexpr std::size_t kMaxInputChars = 16 * 1024 * 1024;

Fptr10Session* sessionOf(libfptr_handle handle)
{
    return static_cast<Fptr10Session*>(handle);
}

// Runs `body` (returning a Status) for a valid handle, records its outcome as the last error and
// answers 0 or -1. Exceptions become kDriverFailure.
template <typename Body>
int guarded(libfptr_handle handle, Body&& body)
{
    Fptr10Session* session = sessionOf(handle);
    if (session == nullptr) {
        return kFailed;
    }
    try {
        sigma::core::Status status = body(*session);
        session->record(status);
        return status.ok() ? 0 : kFailed;
    } catch (const std::exception& e) {
        try {
            session->record(sigma::fiscal::atolError(atol::kDriverFailure, e.what()));
        } catch (...) {
        }
    } catch (...) {
        try {
            session->record(sigma::fiscal::atolError(atol::kDriverFailure, "unknown exception"));
        } catch (...) {
        }
    }
    return kFailed;
}

sigma::core::Result<std::string> fromCaller(const wchar_t* text, int errorCode)
{
    if (text == nullptr) {
        return sigma::fiscal::atolError(errorCode, "null string");
    }
    const std::size_t length = wcsnlen(text, kMaxInputChars + 1);
    if (length > kMaxInputChars) {
        return sigma::fiscal::atolError(errorCode, "string longer than " + std::to_string(kMaxInputChars) + " characters");
    }
    auto utf8 = sigma::drivers::emulator::wideToUtf8(std::wstring_view(text, length));
    if (!utf8) {
        return sigma::fiscal::atolError(errorCode, utf8.error().message);
    }
    return std::move(*utf8);
}

// The buffer protocol of ATOL's getters: the answer is the size needed, terminator included; the
// buffer gets as much as fits, always terminated. -1 (with the error recorded) when the text
// cannot be converted or its size does not fit in an int.
int copyOut(Fptr10Session& session, const std::string& utf8, wchar_t* buffer, int size)
{
    auto wide = sigma::drivers::emulator::utf8ToWide(utf8);
    if (!wide) {
        session.record(sigma::fiscal::atolError(atol::kDriverFailure, wide.error().message));
        return kFailed;
    }
    if (wide->size() >= static_cast<std::size_t>(INT_MAX)) {
        session.record(sigma::fiscal::atolError(atol::kDriverFailure, "answer too large"));
        return kFailed;
    }
    const int needed = static_cast<int>(wide->size()) + 1;
    if (buffer != nullptr && size > 0) {
        const std::size_t count = std::min(wide->size(), static_cast<std::size_t>(size - 1));
        wide->copy(buffer, count);
        buffer[count] = L'\0';
    }
    return needed;
}

// guarded() for the getters, whose answer is a size rather than 0.
template <typename Body>
int guardedSize(libfptr_handle handle, Body&& body)
{
    Fptr10Session* session = sessionOf(handle);
    if (session == nullptr) {
        return kFailed;
    }
    try {
        return body(*session);
    } catch (...) {
        try {
            session->record(sigma::fiscal::atolError(atol::kDriverFailure, "exception while copying an answer"));
        } catch (...) {
        }
        return kFailed;
    }
}

} // namespace

extern "C" {

FPTR10_API int libfptr_create(libfptr_handle* handle)
{
    if (handle == nullptr) {
        return kFailed;
    }
    *handle = nullptr;
    try {
        *handle = new Fptr10Session();
        return 0;
    } catch (...) {
        return kFailed;
    }
}

FPTR10_API void libfptr_destroy(libfptr_handle* handle)
{
    if (handle == nullptr || *handle == nullptr) {
        return;
    }
    // The destructor closes the state file (SQLite, never throws) and frees the session.
    delete sessionOf(*handle);
    *handle = nullptr;
}

FPTR10_API int libfptr_set_settings(libfptr_handle handle, const wchar_t* json)
{
    return guarded(handle, [json](Fptr10Session& session) -> sigma::core::Status {
        SIGMA_ASSIGN_OR_RETURN(std::string text, fromCaller(json, atol::kJsonSyntax));
        return session.setSettings(text);
    });
}

FPTR10_API int libfptr_get_settings(libfptr_handle handle, wchar_t* buffer, int size)
{
    return guardedSize(handle, [&](Fptr10Session& session) {
        session.record(sigma::core::ok());
        return copyOut(session, session.settings(), buffer, size);
    });
}

FPTR10_API int libfptr_open(libfptr_handle handle)
{
    return guarded(handle, [](Fptr10Session& session) { return session.open(); });
}

FPTR10_API int libfptr_close(libfptr_handle handle)
{
    return guarded(handle, [](Fptr10Session& session) {
        session.close();
        return sigma::core::ok();
    });
}

FPTR10_API int libfptr_is_opened(libfptr_handle handle)
{
    const Fptr10Session* session = sessionOf(handle);
    return session != nullptr && session->isOpened() ? 1 : 0;
}

FPTR10_API int libfptr_set_param_str(libfptr_handle handle, int paramId, const wchar_t* value)
{
    return guarded(handle, [paramId, value](Fptr10Session& session) -> sigma::core::Status {
        SIGMA_ASSIGN_OR_RETURN(std::string text, fromCaller(value, atol::kJsonSyntax));
        return session.setParam(paramId, std::move(text));
    });
}

FPTR10_API int libfptr_get_param_str(libfptr_handle handle, int paramId, wchar_t* buffer, int size)
{
    return guardedSize(handle, [&](Fptr10Session& session) {
        auto value = session.param(paramId);
        session.record(value.ok() ? sigma::core::ok() : sigma::core::Status(value.error()));
        if (!value) {
            return kFailed;
        }
        return copyOut(session, *value, buffer, size);
    });
}

FPTR10_API int libfptr_process_json(libfptr_handle handle)
{
    return guarded(handle, [](Fptr10Session& session) { return session.processJson(); });
}

FPTR10_API int libfptr_validate_json(libfptr_handle handle)
{
    return guarded(handle, [](Fptr10Session& session) { return session.validateJson(); });
}

FPTR10_API int libfptr_error_code(libfptr_handle handle)
{
    const Fptr10Session* session = sessionOf(handle);
    return session == nullptr ? atol::kDriverFailure : session->errorCode();
}

FPTR10_API int libfptr_error_description(libfptr_handle handle, wchar_t* buffer, int size)
{
    // Reading the error must not replace it: no record() here.
    Fptr10Session* session = sessionOf(handle);
    if (session == nullptr) {
        return kFailed;
    }
    try {
        auto wide = sigma::drivers::emulator::utf8ToWide(session->errorDescription());
        const std::wstring text = wide ? std::move(*wide) : std::wstring(L"?");
        const int needed = static_cast<int>(text.size()) + 1;
        if (buffer != nullptr && size > 0) {
            const std::size_t count = std::min(text.size(), static_cast<std::size_t>(size - 1));
            text.copy(buffer, count);
            buffer[count] = L'\0';
        }
        return needed;
    } catch (...) {
        return kFailed;
    }
}

FPTR10_API const char* libfptr_get_version_string(void)
{
    return "10.0.0-sigma-emulator";
}

} // extern "C"
