//! The workspace's crates work together: the sdk's formulas are stored by the
//! indexer's database helper in a real PostgreSQL.

use diesel::{Connection, PgConnection, RunQueryDsl};

#[test]
fn sdk_formula_round_trips_through_postgres() {
    let db = lumen_indexer::pg_cluster::TestDb::new().expect("postgres");
    let mut conn = PgConnection::establish(db.url()).unwrap();
    let stake = lumen_sdk::formulas::min_stake(2, 500_000, 2) as i64;
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        v: i64,
    }
    let row: Row = diesel::sql_query("SELECT $1::bigint AS v")
        .bind::<diesel::sql_types::BigInt, _>(stake)
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(row.v, 144);
}
