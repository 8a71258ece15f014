# Every UI string of the terminal has its English translation. Runs lupdate exactly as the
# sigma_terminal_lupdate target does, but into a copy of the .ts file (the sources are never
# touched), then fails listing each source text left "unfinished": a new tr() string committed
# without its translation fails here instead of showing Russian on the English screen.
#
# -DLUPDATE=path -DGENERATOR=GenerateLUpdateProject.cmake -DPROJECT_IN=..._project.cmake
# -DTS=resources/i18n/sigma_terminal_en.ts -DWORK_DIR=scratch directory

foreach(var LUPDATE GENERATOR PROJECT_IN TS WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "CheckTranslations.cmake: -D${var}=... is required")
    endif()
endforeach()

file(MAKE_DIRECTORY "${WORK_DIR}")
set(project_json "${WORK_DIR}/project.json")
set(ts_copy "${WORK_DIR}/check.ts")
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${project_json} -P "${GENERATOR}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot generate the lupdate project from ${PROJECT_IN}")
endif()
file(READ "${project_json}" json)
string(REPLACE "\"${TS}\"" "\"${ts_copy}\"" json "${json}")
if(NOT json MATCHES "check.ts")
    message(FATAL_ERROR "${TS} is not among the translations of ${PROJECT_IN}")
endif()
file(WRITE "${project_json}" "${json}")
configure_file("${TS}" "${ts_copy}" COPYONLY)

execute_process(COMMAND "${LUPDATE}" -project "${project_json}" -no-obsolete -locations none
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}):\n${out}${err}")
endif()

file(READ "${ts_copy}" ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\"" unfinished "${ts}")
list(LENGTH unfinished count)
if(count GREATER 0)
    set(listing "")
    foreach(entry IN LISTS unfinished)
        string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" text "${entry}")
        string(APPEND listing "\n  ${text}")
    endforeach()
    message(FATAL_ERROR "${count} UI string(s) have no English translation in ${TS} "
                        "(build sigma_terminal_lupdate and translate them):${listing}")
endif()
string(REGEX MATCHALL "<message" messages "${ts}")
list(LENGTH messages total)
message(STATUS "all ${total} UI strings are translated")
