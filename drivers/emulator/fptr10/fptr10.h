/* libfptr10.so from Sigma POS: the virtual ATOL register (VirtualKkt) behind the subset of ATOL
 * Driver v10's C API that JSON tasks need, so that programs written for ATOL's driver run
 * against the emulator unchanged. Declarations written from the public description of the API
 * (docs: FISCAL.md, "ATOL Driver v10 C API"); not ATOL's header.
 *
 * Conventions, as in ATOL's driver:
 *   - strings are wchar_t (UTF-32 on Linux), NUL-terminated;
 *   - functions returning int answer 0 on success and -1 on failure; the error is then read with
 *     libfptr_error_code() and libfptr_error_description() (0 = no error);
 *   - getters that fill a buffer return the size they need in wchar_t, terminator included: when
 *     that is more than `size`, the buffer holds a truncated, terminated prefix and the caller
 *     calls again with a buffer of the returned size;
 *   - a handle is used from one thread at a time; several handles may share one state file.
 */
#pragma once

#include <wchar.h>

#if defined(__GNUC__)
#define FPTR10_API __attribute__((visibility("default")))
#else
#define FPTR10_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** An opaque driver instance. */
typedef void* libfptr_handle;

/** The parameter carrying a JSON task (input of libfptr_process_json) and its result (output). */
#define LIBFPTR_PARAM_JSON_DATA 65645

/** Creates an instance in *handle; 0 or -1 (out of memory, null pointer). */
FPTR10_API int libfptr_create(libfptr_handle* handle);
/** Closes and frees the instance and sets *handle to NULL. */
FPTR10_API void libfptr_destroy(libfptr_handle* handle);

/** Settings as a JSON object. Keys of ATOL's driver (Model, Port, IPAddress, IPPort, ComFile,
 *  BaudRate, UsbDevicePath, ...) are accepted and ignored; the emulator's own keys are StateFile
 *  (path of kkt.db, default "./kkt.db") and UtcOffsetMinutes (default 180, Moscow). They take
 *  effect at the next libfptr_open(). */
FPTR10_API int libfptr_set_settings(libfptr_handle handle, const wchar_t* json);
/** The current settings as JSON; returns the size needed (see above) or -1. */
FPTR10_API int libfptr_get_settings(libfptr_handle handle, wchar_t* buffer, int size);

/** Opens the register's state file: the emulator's "connection". */
FPTR10_API int libfptr_open(libfptr_handle handle);
FPTR10_API int libfptr_close(libfptr_handle handle);
/** 1 when open, 0 when not (or for a null handle). */
FPTR10_API int libfptr_is_opened(libfptr_handle handle);

/** Sets an input parameter; only LIBFPTR_PARAM_JSON_DATA is supported. Input parameters are
 *  cleared after each libfptr_process_json() / libfptr_validate_json(), as in ATOL's driver. */
FPTR10_API int libfptr_set_param_str(libfptr_handle handle, int paramId, const wchar_t* value);
/** Reads an output parameter (LIBFPTR_PARAM_JSON_DATA: the last task's result); returns the size
 *  needed (see above) or -1. */
FPTR10_API int libfptr_get_param_str(libfptr_handle handle, int paramId, wchar_t* buffer, int size);

/** Executes the JSON task set in LIBFPTR_PARAM_JSON_DATA; needs an open instance. */
FPTR10_API int libfptr_process_json(libfptr_handle handle);
/** Checks the JSON task set in LIBFPTR_PARAM_JSON_DATA without executing it. */
FPTR10_API int libfptr_validate_json(libfptr_handle handle);

/** The last call's error code (0 = none); ATOL's codes (FISCAL.md, "Error codes"). */
FPTR10_API int libfptr_error_code(libfptr_handle handle);
/** The last call's error description (Russian first, then detail); returns the size needed or -1. */
FPTR10_API int libfptr_error_description(libfptr_handle handle, wchar_t* buffer, int size);

/** The library's version, e.g. "10.0.0-sigma". */
FPTR10_API const char* libfptr_get_version_string(void);

#ifdef __cplusplus
}
#endif
