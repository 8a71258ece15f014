#pragma once

#include "core/Error.h"

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace sigma::core {

/// The value of an operation that can fail, or the Error that says why it failed.
///
/// Modelled on std::expected (C++23, not in GCC 12's C++20 mode). Accessing the value of a failed
/// Result, or the error of a successful one, is a programming error and asserts.
template <typename T>
class [[nodiscard]] Result {
public:
    using value_type = T;

    Result(const T& value) : m_state(std::in_place_index<0>, value) {}
    Result(T&& value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(const Error& error) : m_state(std::in_place_index<1>, error) {}
    Result(Error&& error) : m_state(std::in_place_index<1>, std::move(error)) {}

    template <typename U>
        requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, T> &&
                 !std::is_same_v<std::remove_cvref_t<U>, Error> &&
                 !std::is_same_v<std::remove_cvref_t<U>, Result>)
    Result(U&& value) : m_state(std::in_place_index<0>, T(std::forward<U>(value)))
    {
    }

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() &
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    [[nodiscard]] const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    [[nodiscard]] T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    [[nodiscard]] const Error& error() const
    {
        assert(!ok());
        return std::get<1>(m_state);
    }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    template <typename U>
    [[nodiscard]] T valueOr(U&& fallback) const&
    {
        return ok() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> m_state;
};

/// Result of an operation that yields nothing but can fail.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(const Error& error) : m_error(error), m_failed(true) {}
    Result(Error&& error) : m_error(std::move(error)), m_failed(true) {}

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

/// `return ok();` in a function returning Status.
inline Status ok()
{
    return {};
}

} // namespace sigma::core

#define SIGMA_CONCAT_INNER_(a, b) a##b
#define SIGMA_CONCAT_(a, b) SIGMA_CONCAT_INNER_(a, b)

/// Evaluates `expr` (a Result); on failure returns its error from the enclosing function.
#define SIGMA_TRY(expr)                                                                                              \
    do {                                                                                                               \
        if (auto SIGMA_CONCAT_(sigmaTryResult_, __LINE__) = (expr); !SIGMA_CONCAT_(sigmaTryResult_, __LINE__).ok()) { \
            return SIGMA_CONCAT_(sigmaTryResult_, __LINE__).error();                                                   \
        }                                                                                                              \
    } while (false)

/// `SIGMA_ASSIGN_OR_RETURN(auto x, parse(...));` binds the value or returns the error.
#define SIGMA_ASSIGN_OR_RETURN(decl, expr)                                                                           \
    auto SIGMA_CONCAT_(sigmaAssignResult_, __LINE__) = (expr);                                                         \
    if (!SIGMA_CONCAT_(sigmaAssignResult_, __LINE__).ok()) {                                                           \
        return SIGMA_CONCAT_(sigmaAssignResult_, __LINE__).error();                                                    \
    }                                                                                                                  \
    decl = std::move(SIGMA_CONCAT_(sigmaAssignResult_, __LINE__)).value()
