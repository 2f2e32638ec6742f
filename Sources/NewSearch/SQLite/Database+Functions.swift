import CSQLite

extension Database {
    /// A scalar SQL function's C callback: context, argument count, arguments.
    typealias ScalarFunction = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void

    /// Registers the deterministic, innocuous scalar function `name` of `arguments` arguments, which finds `context`
    /// (kept alive, then released when the connection closes or the function is replaced) through
    /// `sqlite3_user_data`.
    func createFunction(_ name: String, arguments: Int32, context: AnyObject? = nil, _ function: ScalarFunction) throws {
        let data = context.map { Unmanaged.passRetained($0).toOpaque() }
        let code = sqlite3_create_function_v2(handle, name, arguments,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, data,
                                              function, nil, nil, data == nil ? nil : Self.releaseContext)
        // On failure, SQLite has already called the release.
        guard code == SQLITE_OK else { throw error(code, sql: nil) }
    }

    private static let releaseContext: @convention(c) (UnsafeMutableRawPointer?) -> Void = { context in
        guard let context else { return }
        Unmanaged<AnyObject>.fromOpaque(context).release()
    }
}
