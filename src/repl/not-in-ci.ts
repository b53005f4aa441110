// Stands in for the `is-in-ci` package inside the REPL bundle. Ink uses it to stop drawing
// frames when CI or CONTINUOUS_INTEGRATION is set; the REPL only ever runs with a terminal on
// stdin and stdout, where those variables say nothing about the screen in front of the user.
export default false;
